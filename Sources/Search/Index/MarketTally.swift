import Domain
import Foundation
import JobPostings

/// Walks the matches of one segment for market statistics: new postings per week and salaries per currency.
struct MarketTally {
    let buckets: WeeklyBuckets
    var weekly: [Int]
    var salaries: [String: [Int64]] = [:]
    var remote = 0

    init(now: Date, weeks: Int) {
        buckets = WeeklyBuckets(now: now, count: weeks)
        weekly = [Int](repeating: 0, count: weeks)
    }

    mutating func add(_ documents: Bitset, of segment: Segment) {
        let buckets = self.buckets
        remote += documents.intersectionCount(segment.remote)
        // Salaries are gathered per currency ordinal and named once per segment.
        var byCurrency = [[Int64]](repeating: [], count: segment.currency.values.count)
        var weekly = self.weekly
        segment.postedAt.withUnsafeBufferPointer { posted in
            segment.salaryLow.withUnsafeBufferPointer { lows in
                segment.salaryHigh.withUnsafeBufferPointer { highs in
                    segment.currency.ordinals.withUnsafeBufferPointer { currencies in
                        documents.forEach { document in
                            if let index = buckets.index(of: posted[document]) { weekly[index] += 1 }
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
        weekly.enumerated().map { WeekCount(weekStart: buckets.start(of: $0.offset), count: $0.element) }
    }

    func percentiles() -> [SalaryPercentiles] {
        salaries.keys.sorted { (salaries[$0]!.count, $1) > (salaries[$1]!.count, $0) }.filter { !$0.isEmpty }.map { currency in
            var values = salaries[currency]!
            return SalaryPercentiles.of(&values, currency: currency)
        }
    }
}
