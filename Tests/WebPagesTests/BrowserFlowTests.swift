import Foundation
import HTTPAPI
import Hummingbird
import Logging
import Platform
import TestPeers
import Testing
import WayfinderApp
import WebPages

/// The web app in headless Chromium (Selenium): a new user's whole path, with and without JavaScript.
/// Needs `chromium`, `chromium-driver` and Python's `selenium` (installed by `.ci/run`); skipped with the
/// reason where they are missing, except with `CI=true`, where a missing browser is a failure.
@Suite("Browser flows")
struct BrowserFlowTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/browser_flows.py")

    /// Why the browser tests cannot run here, or nil when they can.
    static var missing: String? {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is not installed (apt-get install chromium chromium-driver)"
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import selenium"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.runOneAtATime()) != nil else { return "python3 is not installed" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "Python's selenium is not installed (python3 -m pip install selenium)"
    }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    @Test("search, facet, page, open a posting, sign up, verify from the mail folder, sign in, save a search, alert on, sign out, ask for access in the chat, connect a channel and schedule a message, take a skill assessment; with and without JavaScript; hostile markup inert")
    func newUserFlows() async throws {
        if let missing = Self.missing {
            #expect(!Self.inCI, "CI must run the browser tests: \(missing)")
            print("skipping browser flows: \(missing)")
            return
        }
        let hostile = WebTestApp.posting("hostile", title: "Engineer <script>alert('title')</script>", description: "x",
                                         html: #"<p>Hello</p><script>alert('body')</script><img src="x" onerror="alert('img')"><a href="javascript:alert('link')" onclick="alert('click')">link</a>"#)
        let directory = Scratch.root.appendingPathComponent("wayfinder-browser-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var settings = Settings(dataDirectory: directory, databaseURL: "sqlite::memory:")
        settings.accounts.bcryptCost = 4
        settings.accounts.anonymousRatePerMinute = 100_000
        var logger = Logger(label: "browser-test")
        logger.logLevel = .warning
        let services = try await AppServices.open(settings: settings, logger: logger)
        _ = try await services.repository.upsert(WebTestApp.postings + [hostile])
        try await services.catchUpIndex()
        // An employee of the demo's company, for the access flow.
        _ = try await services.accessGovernance.directory.importDocument(try DemoDirectory.document())
        _ = try await services.accounts.administration.provision(email: "priya.shah@northwind.example", password: "Access-Pass-2026!",
                                                                 name: "Priya Shah", groups: [.candidate])
        // Question banks for the assessment flow: one skill per run, since a retake waits for the cool-down.
        for skill in ["git", "bash"] { _ = try await services.skillsGraph.api.bank.importBank(SkillsGraphPageTests.bank(skill: skill)) }
        let router = buildRouter(services.apiDependencies)
        addWebRoutes(to: router, try await services.webDependencies())
        let server = try await LocalServer.start(router, logger: logger)
        let workers = services.backgroundWork.workerPool()
        let working = Task { try await workers.run() }
        defer {
            server.stop()
            workers.stop()
            working.cancel()
        }
        let screenshots = ProcessInfo.processInfo.environment["WAYFINDER_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-browser-screenshots").path

        let (status, output) = try await Self.runScript(arguments: [server.base, directory + "/mail", screenshots])
        print(output)
        #expect(status == 0, "browser flows failed:\n\(output)")
        await services.close()
    }

    /// Runs the Selenium script without blocking the server's threads. Its output goes to a file, not a
    /// pipe: a pipe read only at the end would stop the script once it had printed a pipe's worth.
    static func runScript(arguments: [String]) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        // Chromium and its driver keep a profile and a singleton socket under TMPDIR, and leave them there
        // whenever the browser is not closed cleanly: give them a directory of their own, removed afterwards. Its
        // path stays short, directly in the temporary directory: the socket's whole path must fit in 107 bytes.
        let browserTemporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("wf-chromium-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: browserTemporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: browserTemporary) }
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": browserTemporary.path]) { $1 }
        let log = Scratch.root.appendingPathComponent("wayfinder-browser-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: log) }
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.runOneAtATime() } catch { continuation.resume(throwing: error) }
        }
        return (status, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
