import Domain
import Foundation

/// The zone a DTSTART or DTEND names with its TZID, as far as it can be known, and the arithmetic
/// between its local times and instants.
enum StatedTimeZone {
    /// A zone Foundation knows (IANA, directly or through a Windows name).
    case named(TimeZone)
    /// The calendar's own VTIMEZONE, for a TZID nothing else knows.
    case rules(VTimeZoneRules)
    /// Only an offset is known, from a display name such as `(UTC+05:30) …`.
    case fixed(Int)

    /// The zone for a TZID: a zone Foundation recognises (IANA names, also behind prefixes such as
    /// `/Europe/Berlin`, `/mozilla.org/20050126_1/Europe/Berlin` or `tzone://Microsoft/Eastern`),
    /// a Windows name or display name, else the calendar's VTIMEZONE of that TZID, else the offset
    /// of a `(UTC±hh:mm)` display name. Nil when none of them says anything, which leaves the time
    /// floating.
    static func resolve(_ tzid: String, definitions: [String: VTimeZoneRules]) -> StatedTimeZone? {
        var name = tzid.trimmingWhitespace()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()).trimmingWhitespace() }
        if let zone = knownZone(name) { return .named(zone) }
        if let rules = definitions[name] ?? definitions[tzid] { return .rules(rules) }
        if let offset = displayNameOffset(name) { return .fixed(offset) }
        return nil
    }

    static func knownZone(_ name: String) -> TimeZone? {
        guard !name.isEmpty else { return nil }
        // IANA names (and POSIX ones such as `EST5EDT`) have no spaces.
        if !name.contains(" "), let zone = TimeZone(identifier: name) { return zone }
        if let iana = WindowsTimeZones.ianaIdentifier(forWindowsName: name), let zone = TimeZone(identifier: iana) { return zone }
        // A path-like TZID ends in an IANA name of one to three components.
        let components = name.split(separator: "/").filter { !$0.isEmpty && !$0.hasSuffix(":") }
        if components.count > 1 || name.hasPrefix("/") {
            for length in stride(from: min(3, components.count), through: 1, by: -1) {
                let candidate = components.suffix(length).joined(separator: "/")
                if length > 1 || components.count == 1, let zone = TimeZone(identifier: candidate) { return zone }
            }
            if let last = components.last {
                // `tzone://Microsoft/Eastern`: a Windows name without its "Standard Time".
                for windowsName in [String(last), last + " Standard Time"] {
                    if let iana = WindowsTimeZones.ianaIdentifier(forWindowsName: windowsName), let zone = TimeZone(identifier: iana) {
                        return zone
                    }
                }
            }
        }
        return nil
    }

    /// `(UTC+05:30) Chennai…` or `(GMT-06:00) …` → seconds east of UTC; `(UTC) …` → 0.
    private static func displayNameOffset(_ name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.hasPrefix("(utc") || lower.hasPrefix("(gmt"), let close = lower.firstIndex(of: ")") else { return nil }
        let inside = lower[lower.index(lower.startIndex, offsetBy: 4)..<close]
        if inside.isEmpty { return 0 }
        guard let sign = inside.first, sign == "+" || sign == "-" else { return nil }
        let parts = inside.dropFirst().split(separator: ":")
        guard let hours = parts.first.flatMap({ Int($0) }) else { return nil }
        let minutes = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    /// Seconds east of UTC at an instant (seconds since 1970).
    func offset(at instant: Int) -> Int {
        switch self {
        case .named(let zone): zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        case .rules(let rules): rules.offset(at: instant)
        case .fixed(let offset): offset
        }
    }

    /// The instant of a local time (seconds since 1970 as if the local time were UTC), by RFC 5545
    /// §3.3.5: a time that occurs twice (when clocks go back) is the first of the two, and a time
    /// that does not occur (when clocks go forward) is read with the offset from before the change.
    func instant(ofLocal local: Int) -> Int {
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        let candidates = before == after ? [local - before] : [local - before, local - after]
        let consistent = candidates.filter { offset(at: $0) == local - $0 }
        return consistent.min() ?? local - before
    }

    /// The TimeZone to report for an instant: the named zone, or a fixed-offset zone with the offset
    /// in force then.
    func timeZone(at instant: Int) -> TimeZone? {
        switch self {
        case .named(let zone): zone
        case .rules, .fixed: TimeZone(secondsFromGMT: offset(at: instant))
        }
    }
}
