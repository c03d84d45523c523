import Configuration

/// Settings of the publisher.
public struct PublishingSettings: Sendable {
    /// `WAYFINDER_PUBLISH_ATTEMPTS`: attempts per delivery before it is dead (6 by default).
    public var attempts = 6
    /// `WAYFINDER_PUBLISH_RETRY_BASE`: seconds before the first retry; each later one waits twice as long,
    /// with jitter, up to an hour, and never less than a network's `Retry-After` (5 by default).
    public var retryBaseSeconds = 5.0
    /// `WAYFINDER_PUBLISH_WORKERS`: deliveries one process makes at once, in a pool of their own (16 by default;
    /// they mostly wait on networks).
    public var workers = 16
    /// `WAYFINDER_PUBLISH_TIMEOUT`: seconds a network has to answer one request (15 by default).
    public var timeoutSeconds = 15.0
    /// `WAYFINDER_MEDIA_MAX_BYTES`: the largest upload (8 MB by default, Instagram's own limit for images).
    public var mediaMaximumBytes = 8 * 1_048_576
    /// When expiry reminders go out (`WAYFINDER_CERTIFICATION_REMINDER_SCHEDULE`, cron), 08:00 UTC daily by default,
    /// for certifications lapsing within `WAYFINDER_CERTIFICATION_REMINDER_DAYS` (30).
    public var reminderSchedule = "0 8 * * *"
    public var reminderDays = 30

    public init() {}

    static func read(from config: ConfigReader) throws -> PublishingSettings {
        func string(_ key: String) -> String? { config.string(forKey: ConfigKey(key), isSecret: false).flatMap { $0.isEmpty ? nil : $0 } }
        func number(_ key: String, _ variable: String, _ range: ClosedRange<Double>) throws -> Double? {
            guard let text = string(key) else { return nil }
            guard let value = Double(text), range.contains(value) else {
                throw SettingsError("\(variable) must be a number from \(range.lowerBound) to \(range.upperBound), not \(text)")
            }
            return value
        }
        var settings = PublishingSettings()
        if let value = try number("wayfinder.publish.attempts", "WAYFINDER_PUBLISH_ATTEMPTS", 1...50) { settings.attempts = Int(value) }
        if let value = try number("wayfinder.publish.retry.base", "WAYFINDER_PUBLISH_RETRY_BASE", 0.001...3_600) { settings.retryBaseSeconds = value }
        if let value = try number("wayfinder.publish.workers", "WAYFINDER_PUBLISH_WORKERS", 1...256) { settings.workers = Int(value) }
        if let value = try number("wayfinder.publish.timeout", "WAYFINDER_PUBLISH_TIMEOUT", 0.1...300) { settings.timeoutSeconds = value }
        if let value = try number("wayfinder.media.max.bytes", "WAYFINDER_MEDIA_MAX_BYTES", 1...1_073_741_824) { settings.mediaMaximumBytes = Int(value) }
        settings.reminderSchedule = string("wayfinder.certification.reminder.schedule") ?? settings.reminderSchedule
        if let value = try number("wayfinder.certification.reminder.days", "WAYFINDER_CERTIFICATION_REMINDER_DAYS", 1...365) {
            settings.reminderDays = Int(value)
        }
        return settings
    }
}
