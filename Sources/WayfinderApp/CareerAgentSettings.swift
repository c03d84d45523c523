import Configuration
import Foundation

/// Settings of the career agent: where resume originals are kept, and the optional language model.
public struct CareerAgentSettings: Sendable {
    /// An S3-compatible endpoint (`WAYFINDER_S3_URL`); without it originals are files in the data directory.
    public var s3URL: String?
    public var s3Bucket: String = "wayfinder"
    public var s3Region: String = "us-east-1"
    public var s3AccessKeyID: String?
    public var s3SecretAccessKey: String?
    /// An OpenAI-compatible endpoint such as `http://localhost:11434/v1`; it only rewords suggestions.
    public var llmURL: String?
    public var llmAPIKey: String?
    public var llmModel: String = "gpt-4o-mini"
    /// A PEM file of extra root certificates for connected mailboxes (a company's own mail server).
    public var imapCAFile: String?
    /// Allows mailboxes over plain IMAP (`WAYFINDER_IMAP_ALLOW_PLAIN=true`): only for a mail server on the same machine.
    public var imapAllowPlain = false
    /// How often connected mailboxes are read (`WAYFINDER_MAILBOX_SCHEDULE`, cron), every 10 minutes by default.
    public var mailboxSchedule = "*/10 * * * *"

    public init() {}

    enum Key: String {
        case s3URL = "wayfinder.s3.url"
        case s3Bucket = "wayfinder.s3.bucket"
        case s3Region = "wayfinder.s3.region"
        case s3AccessKeyID = "wayfinder.s3.access.key.id"
        case s3SecretAccessKey = "wayfinder.s3.secret.access.key"
        case llmURL = "wayfinder.llm.url"
        case llmAPIKey = "wayfinder.llm.api.key"
        case llmModel = "wayfinder.llm.model"
        case imapCAFile = "wayfinder.imap.ca.file"
        case imapAllowPlain = "wayfinder.imap.allow.plain"
        case mailboxSchedule = "wayfinder.mailbox.schedule"

        var isSecret: Bool { self == .s3SecretAccessKey || self == .llmAPIKey }
    }

    static let secretVariables = ["WAYFINDER_S3_SECRET_ACCESS_KEY", "WAYFINDER_LLM_API_KEY"]

    static func read(from config: ConfigReader) throws -> CareerAgentSettings {
        func string(_ key: Key) -> String? {
            config.string(forKey: ConfigKey(key.rawValue), isSecret: key.isSecret).flatMap { $0.isEmpty ? nil : $0 }
        }
        var settings = CareerAgentSettings()
        settings.s3URL = string(.s3URL)
        if let url = settings.s3URL, URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw SettingsError("S3 URL must be an http:// or https:// URL")
        }
        settings.s3Bucket = string(.s3Bucket) ?? settings.s3Bucket
        settings.s3Region = string(.s3Region) ?? settings.s3Region
        settings.s3AccessKeyID = string(.s3AccessKeyID)
        settings.s3SecretAccessKey = string(.s3SecretAccessKey)
        if settings.s3URL != nil, settings.s3AccessKeyID == nil || settings.s3SecretAccessKey == nil {
            throw SettingsError("S3 storage needs WAYFINDER_S3_ACCESS_KEY_ID and WAYFINDER_S3_SECRET_ACCESS_KEY")
        }
        settings.llmURL = string(.llmURL)
        if let url = settings.llmURL, URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw SettingsError("LLM URL must be an http:// or https:// URL")
        }
        settings.llmAPIKey = string(.llmAPIKey)
        settings.llmModel = string(.llmModel) ?? settings.llmModel
        settings.imapCAFile = string(.imapCAFile)
        if let file = settings.imapCAFile, !FileManager.default.fileExists(atPath: file) {
            throw SettingsError("IMAP CA file \(file) does not exist")
        }
        settings.imapAllowPlain = ["1", "true", "yes"].contains(string(.imapAllowPlain)?.lowercased() ?? "")
        settings.mailboxSchedule = string(.mailboxSchedule) ?? settings.mailboxSchedule
        return settings
    }
}
