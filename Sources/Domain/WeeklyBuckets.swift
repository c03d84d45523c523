import Foundation

/// The last `count` weeks up to and including the one holding `now`, weeks starting Monday 00:00 UTC:
/// where trends of postings and of applications are counted.
public struct WeeklyBuckets: Sendable {
    static let week: Int64 = 7 * 86_400
    public let count: Int
    /// Monday of the oldest week, in seconds since 1970.
    public let firstStart: Int64

    public init(now: Date, count: Int) {
        let seconds = Int64(now.timeIntervalSince1970)
        // 1970-01-01 was a Thursday: shift by 3 days so weeks start on Monday.
        let monday = ((seconds + 3 * 86_400) / Self.week) * Self.week - 3 * 86_400
        self.count = count
        firstStart = monday - Int64(count - 1) * Self.week
    }

    /// The bucket of a moment (seconds since 1970), or nil before the first week or after the last.
    @inline(__always)
    public func index(of seconds: Int64) -> Int? {
        guard seconds >= firstStart else { return nil }
        let index = Int((seconds - firstStart) / Self.week)
        return index < count ? index : nil
    }

    public func start(of index: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(firstStart + Int64(index) * Self.week))
    }
}
