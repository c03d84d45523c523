import Foundation

/// Collects durations and prints percentiles.
struct LatencyRecorder {
    private(set) var samples: [Double] = []

    mutating func record(_ duration: Duration) { samples.append(duration.seconds * 1_000) }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    func summary(_ name: String) -> String {
        String(format: "%@: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms", name, samples.count,
               percentile(50), percentile(95), percentile(99), samples.max() ?? 0)
    }
}

enum ProcessMemory {
    /// Resident set size in bytes, from /proc (0 where it is not available).
    static func residentBytes() -> Int { usage(of: "self").resident }

    /// VmRSS and VmHWM (the peak) of a process ("self" or a pid), in bytes.
    static func usage(of process: String) -> (resident: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name) {
                return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1_024
            }
            return 0
        }
        return (field("VmRSS:"), field("VmHWM:"))
    }
}
