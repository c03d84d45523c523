import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `wayfinder serve` started as its own process on the benchmark's data directory, as an operator's
/// restart would: how long until it answers, its HTTP latency on the query mix, and its memory after
/// 1,000 queries (a process that built the index itself holds far more than one that opened it).
struct ServeProcessBenchmark {
    let dataDirectory: String
    let databaseURL: String?
    let mix: [String]
    var queryCount = 1_000

    func run(output: @Sendable (String) -> Void) async throws {
        let port = try Self.freePort()
        let log = URL(fileURLWithPath: dataDirectory).appendingPathComponent("bench-serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", "--data-dir", dataDirectory, "--port", String(port)]
            + (databaseURL.map { ["--database-url", $0] } ?? [])
        process.environment = ProcessInfo.processInfo.environment.merging(["WAYFINDER_LOG_LEVEL": "warning", "WAYFINDER_RATE_ANONYMOUS": "1000000"]) { $1 }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        let started = ContinuousClock.now
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
            try? handle.close()
        }
        let base = "http://127.0.0.1:\(port)/api/v1/jobs?"
        try await waitUntilReady(base + "limit=1", process: process, log: log)
        let ready = (ContinuousClock.now - started).seconds
        var latency = LatencyRecorder()
        for number in 0..<queryCount {
            let query = mix[number % mix.count]
            let start = ContinuousClock.now
            _ = try await SearchBenchmark.get(base + query)
            latency.record(ContinuousClock.now - start)
        }
        let memory = ProcessMemory.usage(of: String(process.processIdentifier))
        output(String(format: "fresh `serve` process: restart to ready %.2f s (spawn until the first search answers)", ready))
        output(latency.summary("  search over HTTP, \(queryCount) queries of the mix from a fresh start"))
        output(String(format: "  RSS after %d queries: %.1f MB (peak %.1f MB)", queryCount, Double(memory.resident) / 1e6, Double(memory.peak) / 1e6))
    }

    private func waitUntilReady(_ url: String, process: Process, log: URL) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                let tail = (try? String(contentsOf: log, encoding: .utf8))?.suffix(2_000) ?? ""
                throw SettingsError("`serve` exited with \(process.terminationStatus):\n\(tail)")
            }
            if (try? await SearchBenchmark.get(url)) != nil { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw SettingsError("`serve` did not answer within 300 s (log: \(log.path))")
    }

    /// A port no one listens on now: the kernel picks one for a socket bound to port 0.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw SettingsError("no socket for finding a free port") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw SettingsError("could not bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
