import Foundation
import Platform
import TestPeers

/// A real SMTP server (aiosmtpd, through `Scripts/smtp-test-server.py`) started for one test and
/// stopped by `stop()`. It saves what it accepts as JSON files that `received()` reads.
final class SMTPTestServer: Sendable {
    struct Received: Decodable {
        struct Auth: Decodable {
            var login: String
            var mechanism: String
        }

        var mail_from: String
        var rcpt_tos: [String]
        var tls: Bool
        var auth: Auth?
        var content: String
    }

    static let user = "mailer@wayfinder.example"
    static let password = "s3cret: with spaces & ünïcode"

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/smtp-test-server.py")

    /// Why the server cannot run here, or nil when python3 and aiosmtpd are installed.
    static let unavailableReason: String? = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import aiosmtpd"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.runOneAtATime()
        } catch {
            return "python3 is not installed"
        }
        return probe.waitUntilExit(orKillAfter: 60) == 0 ? nil : "aiosmtpd is not installed (python3 -m pip install aiosmtpd==1.4.6)"
    }()

    /// These tests run where aiosmtpd is installed, and always in CI, where its absence is a failure.
    static var shouldRun: Bool {
        unavailableReason == nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    let port: Int
    let directory: URL
    private let process: Process
    private let input: Pipe

    var certificate: String { directory.appendingPathComponent("certificates/server.crt").path }

    /// Exactly the server's own certificate, when it has one (it makes one only for TLS).
    var trust: SMTPConfiguration.Trust {
        FileManager.default.fileExists(atPath: certificate) ? .certificateFile(certificate) : .systemRoots
    }

    /// Starts the server on a thread of its own (see `onOwnThread`) and waits until it listens.
    static func start(_ arguments: [String] = [], authenticated: Bool = false) async throws -> SMTPTestServer {
        try await onOwnThread { try SMTPTestServer(arguments, authenticated: authenticated) }
    }

    /// Starts the server and waits until it listens. `arguments` are the script's: `--starttls`,
    /// `--implicit-tls`, `--exclude-mechanism PLAIN`; `authenticated` adds `--auth` for `user`/`password`.
    private init(_ arguments: [String] = [], authenticated: Bool = false) throws {
        if let reason = Self.unavailableReason { throw SetupError(reason) }
        directory = Scratch.root.appendingPathComponent("wayfinder-smtp-\(UUID().uuidString)")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--maildir", directory.appendingPathComponent("received").path,
                             "--certdir", directory.appendingPathComponent("certificates").path]
            + arguments + (authenticated ? ["--auth", "\(Self.user):\(Self.password)"] : [])
        input = Pipe()
        let output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.runOneAtATime()
        // A server that neither listens nor dies within 15 s is ended, which ends the read below.
        let process = self.process
        DispatchQueue.global().asyncAfter(deadline: .now() + 15) { if process.isRunning { process.terminate() } }
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += chunk
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let match = line.firstMatch(of: /LISTENING (\d+)/), let port = Int(match.1) else {
            process.terminate()
            let reason = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw SetupError("the SMTP test server did not start: \(line) \(reason)")
        }
        self.port = port
    }

    /// The messages accepted so far, in order.
    func received() throws -> [Received] {
        let folder = directory.appendingPathComponent("received")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        return try names.sorted { Int($0.prefix { $0.isNumber }) ?? 0 < Int($1.prefix { $0.isNumber }) ?? 0 }.map { name in
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }

    /// Ends the server (closing its standard input would too, as when the test process dies).
    func stop() {
        try? input.fileHandleForWriting.close()
        process.stop(orKillAfter: 10)
        try? FileManager.default.removeItem(at: directory)
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
