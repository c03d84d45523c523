import Foundation
import Testing
import WayfinderApp

@Suite("Settings")
struct SettingsTests {
    @Test("flags win over environment, environment over the file, the file over defaults")
    func precedence() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-\(UUID().uuidString).json").path
        try #"{"wayfinder": {"port": 7000, "host": "0.0.0.0", "data": {"dir": "/from/file"}, "log": {"level": "debug"}}}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let settings = try await Settings.load(
            flags: [.port: "9000", .configFile: file],
            environment: ["WAYFINDER_PORT": "8000", "WAYFINDER_HOST": "10.0.0.1", "WAYFINDER_ADMIN_TOKEN": "t0k3n"]
        )
        #expect(settings.port == 9000)
        #expect(settings.host == "10.0.0.1")
        #expect(settings.dataDirectory == "/from/file")
        #expect(settings.logLevel == .debug)
        #expect(settings.adminToken == "t0k3n")
        #expect(try settings.database == .sqlite(path: "/from/file/wayfinder.sqlite"))
    }

    @Test("defaults, and the names scripts rely on")
    func defaults() async throws {
        let settings = try await Settings.load(flags: [:], environment: [:])
        #expect(settings.port == 8080)
        #expect(settings.host == "127.0.0.1")
        #expect(settings.dataDirectory == "./.wayfinder")
        let fromEnvironment = try await Settings.load(flags: [:], environment: ["WAYFINDER_DATA_DIR": "/srv/wf", "WAYFINDER_DATABASE_URL": "sqlite:///tmp/x.sqlite"])
        #expect(fromEnvironment.dataDirectory == "/srv/wf")
        #expect(try fromEnvironment.database == .sqlite(path: "/tmp/x.sqlite"))
    }

    @Test("bad values are clear errors")
    func invalid() async throws {
        await #expect(throws: SettingsError.self) { try await Settings.load(flags: [.port: "eighty"], environment: [:]) }
        await #expect(throws: SettingsError.self) { try await Settings.load(flags: [.logLevel: "loud"], environment: [:]) }
        let settings = try await Settings.load(flags: [.databaseURL: "mysql://x"], environment: [:])
        #expect(throws: SettingsError.self) { try settings.database }
    }
}
