import Foundation
import TestPeers
import Testing
import WayfinderApp

@Suite("Settings")
struct SettingsTests {
    @Test("flags win over environment, environment over the file, the file over defaults")
    func precedence() async throws {
        let file = Scratch.root.appendingPathComponent("wayfinder-\(UUID().uuidString).json").path
        try #"{"wayfinder": {"port": 7000, "host": "0.0.0.0", "data": {"dir": "/from/file"}, "log": {"level": "debug"}}}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let settings = try await Settings.load(
            flags: [.port: "9000", .configFile: file],
            environment: ["WAYFINDER_PORT": "8000", "WAYFINDER_HOST": "10.0.0.1", "WAYFINDER_PUBLIC_URL": "https://jobs.example"]
        )
        #expect(settings.port == 9000)
        #expect(settings.host == "10.0.0.1")
        #expect(settings.dataDirectory == "/from/file")
        #expect(settings.logLevel == .debug)
        #expect(settings.accounts.publicURL == "https://jobs.example")
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

    @Test("account settings: mail, keys, identity provider and rate limits by their WAYFINDER_ names")
    func accountSettings() async throws {
        let settings = try await Settings.load(flags: [:], environment: [
            "WAYFINDER_SMTP_URL": "smtp://user:pass@mail.example:587?starttls=true", "WAYFINDER_JWT_SECRET": String(repeating: "s", count: 40),
            "WAYFINDER_OIDC_ISSUER": "https://cognito-idp.eu-west-1.amazonaws.com/pool", "WAYFINDER_RATE_ANONYMOUS": "60",
            "WAYFINDER_RATE_USER": "20", "WAYFINDER_RATE_PROCESSES": "3", "WAYFINDER_TRUSTED_PROXIES": "10.0.0.0/8, ::1",
            "WAYFINDER_BCRYPT_COST": "12",
        ])
        #expect(settings.accounts.smtpURL == "smtp://user:pass@mail.example:587?starttls=true")
        #expect(settings.accounts.jwtSecret?.count == 40)
        #expect(settings.accounts.oidcIssuer == "https://cognito-idp.eu-west-1.amazonaws.com/pool")
        #expect(settings.accounts.anonymousRatePerMinute == 60 && settings.accounts.userRatePerSecond == 20)
        #expect(settings.accounts.rateLimitProcesses == 3 && settings.accounts.trustedProxies == ["10.0.0.0/8", "::1"])
        #expect(settings.accounts.bcryptCost == 12)
        await #expect(throws: SettingsError.self) { try await Settings.load(flags: [:], environment: ["WAYFINDER_JWT_SECRET": "short"]) }
        await #expect(throws: SettingsError.self) { try await Settings.load(flags: [:], environment: ["WAYFINDER_PUBLIC_URL": "ftp://x"]) }
    }

    @Test("bad values are clear errors")
    func invalid() async throws {
        await #expect(throws: SettingsError.self) { try await Settings.load(flags: [.port: "eighty"], environment: [:]) }
        await #expect(throws: SettingsError.self) { try await Settings.load(flags: [.logLevel: "loud"], environment: [:]) }
        let settings = try await Settings.load(flags: [.databaseURL: "mysql://x"], environment: [:])
        #expect(throws: SettingsError.self) { try settings.database }
    }
}
