import Foundation

/// ISO-8601 parsing and formatting shared by every edge, so a time reads and prints the same everywhere.
public enum Timestamps {
    /// Parses `2026-11-22`, `2026-11-22T10:00:00Z`, fractional seconds and numeric offsets.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10, let date = try? Date(trimmed, strategy: dateOnly) {
            return date
        }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        // Offsets without a colon and local times without a zone are common in feeds: read them as UTC.
        if trimmed.count == 19, let date = try? Date(trimmed + "Z", strategy: Date.ISO8601FormatStyle()) {
            return date
        }
        return nil
    }

    /// `2026-11-22T10:00:00Z`: UTC, whole seconds.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    private static let dateOnly = Date.ISO8601FormatStyle().year().month().day()
}
