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
    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    /// Background work: task slots in this process (`serve` and `work`; 0 runs none).
    public var workers: Int = 2
    /// How long a claimed task stays invisible to other workers without a sign of life.
    public var taskVisibilityTimeout: Duration = .seconds(60)
    /// The first retry's delay; each later one doubles (with jitter).
    public var taskRetryBase: Duration = .seconds(2)
    /// Each request to a provider must answer within this.
    public var providerTimeout: Duration = .seconds(20)
    /// Requests per second to one provider host (client-side rate limit).
    public var providerRate: Double = 10
    public var accounts = AccountSettings()
    public var careerAgent = CareerAgentSettings()
    public var access = AccessSettings()
    public var publishing = PublishingSettings()
    public var skillsGraph = SkillsGraphSettings()

    public enum LogFormat: String, Sendable { case json, text }

    /// Keys as flags name them; the environment spells `data.dir` as `WAYFINDER_DATA_DIR`.
    public enum Key: String, CaseIterable, Sendable {
        case dataDirectory = "wayfinder.data.dir"
        case host = "wayfinder.host"
        case port = "wayfinder.port"
        case databaseURL = "wayfinder.database.url"
        case databasePoolSize = "wayfinder.database.pool.size"
        case logLevel = "wayfinder.log.level"
        case logFormat = "wayfinder.log.format"
        case configFile = "wayfinder.config.file"
        case workers = "wayfinder.workers"
        case taskVisibilityTimeout = "wayfinder.task.visibility.timeout"
        case taskRetryBase = "wayfinder.task.retry.base"
        case providerTimeout = "wayfinder.provider.timeout"
        case providerRate = "wayfinder.provider.rate"
    }

    public static func load(
        flags: [Key: String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> Settings {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in flags { values[AbsoluteConfigKey(stringLiteral: key.rawValue)] = ConfigValue(.string(value), isSecret: false) }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(Set(["WAYFINDER_DATABASE_URL"] + AccountSettings.secretVariables + CareerAgentSettings.secretVariables))),
        ]
        let early = ConfigReader(providers: providers)
        if let file = early.string(forKey: ConfigKey(Key.configFile.rawValue)) {
            providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
        }
        let config = ConfigReader(providers: providers)
        func string(_ key: Key) -> String? { config.string(forKey: ConfigKey(key.rawValue), isSecret: false) }
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
        func number(_ key: Key, default value: Double, range: ClosedRange<Double>, _ what: String) throws -> Double {
            guard let text = string(key) else { return value }
            guard let number = Double(text), range.contains(number) else {
                throw SettingsError("\(what) must be a number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted())")
            }
            return number
        }
        var settings = Settings(
            dataDirectory: string(.dataDirectory) ?? "./.wayfinder",
            host: string(.host) ?? "127.0.0.1",
            port: port,
            databaseURL: string(.databaseURL),
            databasePoolSize: poolSize,
            logLevel: level,
            logFormat: format
        )
        settings.workers = Int(try number(.workers, default: 2, range: 0...64, "workers"))
        settings.taskVisibilityTimeout = .milliseconds(Int(try number(.taskVisibilityTimeout, default: 60, range: 1...86_400, "task visibility timeout (seconds)") * 1_000))
        settings.taskRetryBase = .milliseconds(Int(try number(.taskRetryBase, default: 2, range: 0.01...3_600, "task retry base (seconds)") * 1_000))
        settings.providerTimeout = .milliseconds(Int(try number(.providerTimeout, default: 20, range: 0.1...3_600, "provider timeout (seconds)") * 1_000))
        settings.providerRate = try number(.providerRate, default: 10, range: 0.01...10_000, "provider rate (requests per second)")
        settings.accounts = try AccountSettings.read(from: config)
        settings.careerAgent = try CareerAgentSettings.read(from: config)
        settings.access = try AccessSettings.read(from: config)
        settings.publishing = try PublishingSettings.read(from: config)
        settings.skillsGraph = try SkillsGraphSettings.read(from: config)
        return settings
    }

    public init(
        dataDirectory: String, host: String = "127.0.0.1", port: Int = 8080, databaseURL: String? = nil,
        databasePoolSize: Int = 10, logLevel: Logger.Level = .info, logFormat: LogFormat = .text
    ) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.databasePoolSize = databasePoolSize
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
