import AsyncHTTPClient
import Foundation
import Platform

/// `wayfinder serve` started as its own process on the benchmark's data directory, as an operator's
/// restart would: how long until it answers, its HTTP latency on the query mix, and its memory after
/// 1,000 queries (a process that built the index itself holds far more than one that opened it).
struct ServeProcessBenchmark {
    let dataDirectory: String
    let databaseURL: String?
    let mix: [String]
    var queryCount = 1_000

    func run(output: @Sendable (String) -> Void) async throws {
        let port = try FreePort.find()
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
        try process.runOneAtATime()
        defer {
            process.terminate()
            process.waitUntilExit()
            try? handle.close()
        }
        let base = "http://127.0.0.1:\(port)/api/v1/jobs?"
        try await waitUntilReady(base + "limit=1", process: process, log: log)
        let ready = (ContinuousClock.now - started).seconds
        let latency = try await LoopbackHTTPClient.onOwnThread(port: port) { [mix, queryCount] client in
            var latency = LatencyRecorder()
            for number in 0..<queryCount {
                let query = mix[number % mix.count]
                let start = ContinuousClock.now
                try client.search(query)
                latency.record(ContinuousClock.now - start)
            }
            return latency
        }
        let memory = ProcessMemory.usage(of: String(process.processIdentifier))
        output(String(format: "fresh `serve` process: restart to ready %.2f s (spawn until the first search answers)", ready))
        output(latency.summary("  search over HTTP (one keep-alive client), \(queryCount) queries of the mix from a fresh start"))
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
}
