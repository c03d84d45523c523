import AccessGovernance
import Configuration

/// Settings of access governance.
public struct AccessSettings: Sendable {
    /// `WAYFINDER_ACCESS_AUTO_APPROVE`: `off`, or the least confidence (0–1) at which a VALID request
    /// for a low-sensitivity role is granted without a person. 0.9 by default.
    public var autoApproval: AutoApproval = .atLeast(0.9)
    /// How often grants at their end are revoked (`WAYFINDER_ACCESS_EXPIRY_SCHEDULE`, cron), every minute by default.
    public var expirySchedule = "* * * * *"

    public init() {}

    static func read(from config: ConfigReader) throws -> AccessSettings {
        var settings = AccessSettings()
        if let text = config.string(forKey: "wayfinder.access.auto.approve"), !text.isEmpty {
            guard let value = AutoApproval(setting: text) else {
                throw SettingsError("WAYFINDER_ACCESS_AUTO_APPROVE must be off or a confidence between 0 and 1, not \(text)")
            }
            settings.autoApproval = value
        }
        if let text = config.string(forKey: "wayfinder.access.expiry.schedule"), !text.isEmpty { settings.expirySchedule = text }
        return settings
    }
}
