import Foundation
import JobPostings

/// Walks the matches of one segment for market statistics: new postings per week and salaries per currency.
struct MarketTally {
    static let week: Int64 = 7 * 86_400
    /// Monday 00:00 UTC of the week holding `now`, in seconds.
    let currentWeek: Int64
    let weeks: Int
    var weekly: [Int]
    var salaries: [String: [Int64]] = [:]
    var remote = 0

    init(now: Date, weeks: Int) {
        let seconds = Int64(now.timeIntervalSince1970)
        // 1970-01-01 was a Thursday: shift by 3 days so weeks start on Monday.
        let monday = ((seconds + 3 * 86_400) / Self.week) * Self.week - 3 * 86_400
        currentWeek = monday
        self.weeks = weeks
        weekly = [Int](repeating: 0, count: weeks)
    }

    mutating func add(_ documents: Bitset, of segment: Segment) {
        let first = currentWeek - Int64(weeks - 1) * Self.week
        remote += documents.intersectionCount(segment.remote)
        // Salaries are gathered per currency ordinal and named once per segment.
        var byCurrency = [[Int64]](repeating: [], count: segment.currency.values.count)
        var weekly = self.weekly
        segment.postedAt.withUnsafeBufferPointer { posted in
            segment.salaryLow.withUnsafeBufferPointer { lows in
                segment.salaryHigh.withUnsafeBufferPointer { highs in
                    segment.currency.ordinals.withUnsafeBufferPointer { currencies in
                        documents.forEach { document in
                            let time = posted[document]
                            if time >= first {
                                let index = Int((time - first) / Self.week)
                                if index < weeks { weekly[index] += 1 }
                            }
                            let low = lows[document], high = highs[document]
                            if low <= high { byCurrency[Int(currencies[document])].append(low / 2 + high / 2 + (low % 2 + high % 2) / 2) }
                        }
                    }
                }
            }
        }
        self.weekly = weekly
        for (ordinal, values) in byCurrency.enumerated() where !values.isEmpty {
            salaries[segment.currency.values[ordinal], default: []] += values
        }
    }

    mutating func merge(_ other: MarketTally) {
        for index in weekly.indices { weekly[index] += other.weekly[index] }
        for (currency, values) in other.salaries { salaries[currency, default: []] += values }
        remote += other.remote
    }

    func weekCounts() -> [WeekCount] {
        let first = currentWeek - Int64(weeks - 1) * Self.week
        return weekly.enumerated().map { index, count in
            WeekCount(weekStart: Date(timeIntervalSince1970: TimeInterval(first + Int64(index) * Self.week)), count: count)
        }
    }

    func percentiles() -> [SalaryPercentiles] {
        salaries.keys.sorted { (salaries[$0]!.count, $1) > (salaries[$1]!.count, $0) }.filter { !$0.isEmpty }.map { currency in
            var values = salaries[currency]!
            return SalaryPercentiles.of(&values, currency: currency)
        }
    }
}
