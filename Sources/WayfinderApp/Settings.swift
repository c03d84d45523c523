import Configuration
import Foundation
import Logging
import SystemPackage

/// Everything an operator can set, read with the precedence flags > `WAYFINDER_*` environment
/// variables > the JSON config file > defaults.
public struct Settings: Sendable {
    public var dataDirectory: String
    public var host: String
    public var port: Int
    /// `sqlite://PATH`, `postgres://…`, or nil for the SQLite file in the data directory.
    public var databaseURL: String?
    /// Connections per process to PostgreSQL.
    public var databasePoolSize: Int
    public var adminToken: String?
    public var logLevel: Logger.Level
    public var logFormat: LogFormat

    public enum LogFormat: String, Sendable { case json, text }

    /// Keys as flags name them; the environment spells `data.dir` as `WAYFINDER_DATA_DIR`.
    public enum Key: String, CaseIterable, Sendable {
        case dataDirectory = "wayfinder.data.dir"
        case host = "wayfinder.host"
        case port = "wayfinder.port"
        case databaseURL = "wayfinder.database.url"
        case databasePoolSize = "wayfinder.database.pool.size"
        case adminToken = "wayfinder.admin.token"
        case logLevel = "wayfinder.log.level"
        case logFormat = "wayfinder.log.format"
        case configFile = "wayfinder.config.file"
    }

    public static func load(
        flags: [Key: String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> Settings {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in flags { values[AbsoluteConfigKey(stringLiteral: key.rawValue)] = ConfigValue(.string(value), isSecret: key == .adminToken) }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(["WAYFINDER_ADMIN_TOKEN", "WAYFINDER_DATABASE_URL"])),
        ]
        let early = ConfigReader(providers: providers)
        if let file = early.string(forKey: ConfigKey(Key.configFile.rawValue)) {
            providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
        }
        let config = ConfigReader(providers: providers)
        func string(_ key: Key) -> String? { config.string(forKey: ConfigKey(key.rawValue), isSecret: key == .adminToken) }
        let interactive = isatty(STDERR_FILENO) == 1
        guard let port = Int(string(.port) ?? "8080"), (0...65535).contains(port) else {
            throw SettingsError("port must be a number from 0 to 65535")
        }
        guard let poolSize = Int(string(.databasePoolSize) ?? "10"), (1...500).contains(poolSize) else {
            throw SettingsError("database pool size must be a number from 1 to 500")
        }
        guard let level = Logger.Level(rawValue: string(.logLevel) ?? "info") else {
            throw SettingsError("log level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard let format = LogFormat(rawValue: string(.logFormat) ?? (interactive ? "text" : "json")) else {
            throw SettingsError("log format must be json or text")
        }
        return Settings(
            dataDirectory: string(.dataDirectory) ?? "./.wayfinder",
            host: string(.host) ?? "127.0.0.1",
            port: port,
            databaseURL: string(.databaseURL),
            databasePoolSize: poolSize,
            adminToken: string(.adminToken),
            logLevel: level,
            logFormat: format
        )
    }

    public init(
        dataDirectory: String, host: String = "127.0.0.1", port: Int = 8080, databaseURL: String? = nil,
        databasePoolSize: Int = 10, adminToken: String? = nil, logLevel: Logger.Level = .info, logFormat: LogFormat = .text
    ) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.databasePoolSize = databasePoolSize
        self.adminToken = adminToken
        self.logLevel = logLevel
        self.logFormat = logFormat
    }

    /// Where the database lives, resolved from the URL or the data directory.
    public var database: DatabaseLocation {
        get throws {
            guard let databaseURL, !databaseURL.isEmpty else {
                return .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("wayfinder.sqlite").path)
            }
            if databaseURL.hasPrefix("sqlite://") { return .sqlite(path: String(databaseURL.dropFirst("sqlite://".count))) }
            if databaseURL == "sqlite::memory:" { return .sqlite(path: ":memory:") }
            if databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://") {
                return .postgres(url: databaseURL)
            }
            throw SettingsError("database URL must start with sqlite:// or postgres://")
        }
    }
}

public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)
}

public struct SettingsError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = "Invalid setting: \(description)" }
}
