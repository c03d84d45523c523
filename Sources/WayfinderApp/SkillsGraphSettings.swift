import Configuration
import Foundation

/// Settings of the skills graph, from the environment or the configuration file.
public struct SkillsGraphSettings: Sendable {
    /// `WAYFINDER_ASSESSMENT_COOLDOWN_HOURS`: hours between two attempts at one skill (168, a week, by default).
    public var cooldownHours = 168.0
    /// `WAYFINDER_ASSESSMENT_EXPOSURE_SHARE`: the largest share of a skill's takers one question may be shown to (0.5).
    public var exposureShare = 0.5
    /// `WAYFINDER_MATCH_SCHEDULE` (cron): the daily matching run, 03:30 UTC by default.
    public var matchSchedule = "30 3 * * *"
    /// `WAYFINDER_MATCH_MINIMUM_SCORE`: pairs below this score are not kept (60).
    public var minimumMatchScore = 60
    /// `WAYFINDER_MATCHES_PER_CANDIDATE`: the best postings kept per candidate (50).
    public var matchesPerCandidate = 50
    /// `WAYFINDER_NOTIFICATION_DIGEST_SCHEDULE` (cron): when daily digests go out, 07:00 UTC by default.
    public var digestSchedule = "0 7 * * *"

    public init() {}

    static func read(from config: ConfigReader) throws -> SkillsGraphSettings {
        func string(_ key: String) -> String? { config.string(forKey: ConfigKey(key), isSecret: false).flatMap { $0.isEmpty ? nil : $0 } }
        func number(_ key: String, _ variable: String, _ range: ClosedRange<Double>) throws -> Double? {
            guard let text = string(key) else { return nil }
            guard let value = Double(text), range.contains(value) else {
                throw SettingsError("\(variable) must be a number from \(range.lowerBound) to \(range.upperBound), not \(text)")
            }
            return value
        }
        var settings = SkillsGraphSettings()
        if let value = try number("wayfinder.assessment.cooldown.hours", "WAYFINDER_ASSESSMENT_COOLDOWN_HOURS", 0...8_760) { settings.cooldownHours = value }
        if let value = try number("wayfinder.assessment.exposure.share", "WAYFINDER_ASSESSMENT_EXPOSURE_SHARE", 0.01...1) { settings.exposureShare = value }
        settings.matchSchedule = string("wayfinder.match.schedule") ?? settings.matchSchedule
        if let value = try number("wayfinder.match.minimum.score", "WAYFINDER_MATCH_MINIMUM_SCORE", 0...100) { settings.minimumMatchScore = Int(value) }
        if let value = try number("wayfinder.matches.per.candidate", "WAYFINDER_MATCHES_PER_CANDIDATE", 1...1_000) { settings.matchesPerCandidate = Int(value) }
        settings.digestSchedule = string("wayfinder.notification.digest.schedule") ?? settings.digestSchedule
        return settings
    }
}
