import Domain
import Foundation

/// Audit times are whole milliseconds since 1970. The chain hashes that number, so every layer that
/// stores or reads an entry's time converts it here: one rounding, one way back, the same `Date` bits.
public enum AuditMilliseconds {
    /// The nearest whole millisecond. Rounding to nearest (not down) keeps a time that went through
    /// `date(_:)` on its own millisecond, where a floating-point product may fall a hair below it.
    public static func of(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    public static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000)
    }

    /// `2026-11-22T10:00:00.123Z`: UTC with milliseconds, written from the integer so no digit is lost.
    static func iso8601(_ milliseconds: Int64) -> String {
        let (seconds, remainder) = floorDivision(milliseconds, by: 1_000)
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(Date.ISO8601FormatStyle())
        let fraction = String(remainder + 1_000).dropFirst()
        return String(whole.dropLast()) + "." + String(fraction) + "Z"
    }

    /// Reads what `iso8601(_:)` writes, and any other ISO-8601 time (then to the nearest millisecond).
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        if bytes.count == 24, bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z"),
           bytes[20..<23].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
           let fraction = Int64(String(decoding: bytes[20..<23], as: UTF8.self)),
           let whole = Timestamps.parse(String(decoding: bytes[0..<19], as: UTF8.self) + "Z") {
            return Int64(whole.timeIntervalSince1970) * 1_000 + fraction
        }
        return Timestamps.parse(text).map(of)
    }

    private static func floorDivision(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }
}
