import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import Platform
import TestPeers

/// A real S3-compatible server (moto's `moto_server`) started for one test on a free port and ended by
/// `stop()`. It checks signatures: `start()` creates an IAM user allowed `s3:*` while checking is off,
/// then turns checking on, so a request signed wrongly is refused as AWS would refuse it.
final class MotoServer: Sendable {
    /// `moto_server` on `PATH`, or nil.
    static let executable: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { "\($0)/moto_server" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// These tests run where moto is installed, and always in CI, where its absence is a failure.
    static var shouldRun: Bool {
        executable != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    let endpoint: URL
    let accessKeyID: String
    let secretAccessKey: String
    private let process: Process
    private let input: Pipe
    private let log: URL

    /// Starts the server, waits until it answers, and sets up credentials (at most 30 s an attempt).
    ///
    /// The free port is found by binding and releasing it, so another test's server may take it before moto
    /// binds it; moto then ends at once saying so, and the start is tried again on another port.
    static func start() async throws -> MotoServer {
        var attempt = 1
        while true {
            do {
                return try await start(port: try await freePort())
            } catch is PortTaken where attempt < 3 {
                attempt += 1
            }
        }
    }

    /// Moto found its port taken.
    private struct PortTaken: Error {}

    private static func start(port: Int) async throws -> MotoServer {
        guard let executable else { throw SetupError("moto_server is not installed (python3 -m pip install \"moto[server]\"; see .ci/run)") }
        let log = Scratch.root.appendingPathComponent("wayfinder-moto-\(UUID().uuidString).log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell ends moto when its standard input closes: at `stop()`, or when the test process dies.
        // SIGKILL, because moto did not always exit on SIGTERM here, and a test must not hang in its clean-up.
        process.arguments = ["-c", "\"$0\" -H 127.0.0.1 -p \"$1\" >\"$2\" 2>&1 & pid=$!; cat >/dev/null; kill -9 $pid 2>/dev/null; wait $pid",
                             executable, String(port), log.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.runOneAtATime()
        let endpoint = URL(string: "http://127.0.0.1:\(port)")!
        do {
            try await waitUntilAnswering(endpoint, process: process, log: log)
            let (accessKeyID, secret) = try await createUser(endpoint)
            try await post(endpoint.appendingPathComponent("moto-api/reset-auth"), body: "0")
            return MotoServer(endpoint: endpoint, accessKeyID: accessKeyID, secretAccessKey: secret, process: process, input: input, log: log)
        } catch {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit(orKillAfter: 10)
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: log)
            if error is PortTaken { throw error }
            throw SetupError("moto_server did not start: \(error)\n\(output.suffix(2000))")
        }
    }

    private init(endpoint: URL, accessKeyID: String, secretAccessKey: String, process: Process, input: Pipe, log: URL) {
        self.endpoint = endpoint
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.process = process
        self.input = input
        self.log = log
    }

    func configuration(bucket: String = "wayfinder-blobs", secret: String? = nil) -> S3Configuration {
        S3Configuration(endpoint: endpoint, bucket: bucket, accessKeyID: accessKeyID,
                        secretAccessKey: secret ?? secretAccessKey, timeout: .seconds(10))
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit(orKillAfter: 10)
        try? FileManager.default.removeItem(at: log)
    }

    /// A port nothing listens on right now: bound, read and released.
    private static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    private static func waitUntilAnswering(_ endpoint: URL, process: Process, log: URL) async throws {
        let started = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(30) {
            guard process.isRunning else { throw SetupError("the process ended") }
            // The shell that runs moto keeps running when moto ends; moto's own words say why it did.
            if let output = try? String(contentsOf: log, encoding: .utf8), output.contains("Address already in use") { throw PortTaken() }
            var request = HTTPClientRequest(url: endpoint.appendingPathComponent("moto-api/").absoluteString)
            request.method = .GET
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)), response.status == .ok {
                _ = try await response.body.collect(upTo: 10_000_000)
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw SetupError("no answer within 30 s")
    }

    /// IAM's query API: a user, an access key, and a policy allowing every S3 action. Signature checking
    /// is still off, so the signature only tells moto these are IAM calls.
    private static func createUser(_ endpoint: URL) async throws -> (String, String) {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
        _ = try await iam(endpoint, "Action=CreateUser&UserName=wayfinder")
        let created = try await iam(endpoint, "Action=CreateAccessKey&UserName=wayfinder")
        _ = try await iam(endpoint, "Action=PutUserPolicy&UserName=wayfinder&PolicyName=blobs&PolicyDocument="
            + AWSSignatureV4.uriEncode(policy))
        guard let id = created.firstMatch(of: /<AccessKeyId>([^<]+)<\/AccessKeyId>/)?.1,
              let secret = created.firstMatch(of: /<SecretAccessKey>([^<]+)<\/SecretAccessKey>/)?.1 else {
            throw SetupError("CreateAccessKey answered: \(created)")
        }
        return (String(id), String(secret))
    }

    private static func iam(_ endpoint: URL, _ form: String) async throws -> String {
        let body = Data((form + "&Version=2010-05-08").utf8)
        let signer = AWSSignatureV4(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "unchecked", service: "iam")
        let signed = signer.sign(method: "POST", url: endpoint, headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
                                 payloadHash: AWSSignatureV4.payloadHash(body), date: Date())
        return try await post(endpoint, body: String(decoding: body, as: UTF8.self), headers: signed.headers)
    }

    @discardableResult
    private static func post(_ url: URL, body: String, headers: [String: String] = [:]) async throws -> String {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 1_000_000))
        guard response.status == .ok else { throw SetupError("\(url.path) answered \(response.status): \(text)") }
        return text
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
