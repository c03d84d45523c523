import Foundation

/// What the open postings matching a query say about a market: counted exactly over every match.
public struct MarketStatistics: Sendable, Equatable {
    public var openPostings: Int
    /// New postings per week (weeks start on Monday, UTC), oldest first, ending with the current week.
    public var weeklyNew: [WeekCount]
    /// Yearly salary percentiles per currency, over postings stating a salary (a range counts as its midpoint).
    public var salaries: [SalaryPercentiles]
    public var remote: Int
    public var facets: JobFacets

    public init(openPostings: Int, weeklyNew: [WeekCount], salaries: [SalaryPercentiles], remote: Int, facets: JobFacets) {
        self.openPostings = openPostings
        self.weeklyNew = weeklyNew
        self.salaries = salaries
        self.remote = remote
        self.facets = facets
    }
}

public struct WeekCount: Sendable, Equatable {
    public var weekStart: Date
    public var count: Int

    public init(weekStart: Date, count: Int) {
        self.weekStart = weekStart
        self.count = count
    }
}

public struct SalaryPercentiles: Sendable, Equatable {
    public var currency: String
    /// Postings in this currency that state a salary.
    public var count: Int
    /// p10, p25, p50, p75, p90, interpolated linearly between ranks (as numpy's default does).
    public var p10: Int, p25: Int, p50: Int, p75: Int, p90: Int

    public init(currency: String, count: Int, p10: Int, p25: Int, p50: Int, p75: Int, p90: Int) {
        self.currency = currency
        self.count = count
        (self.p10, self.p25, self.p50, self.p75, self.p90) = (p10, p25, p50, p75, p90)
    }

    /// Percentiles of `values` (sorted in place).
    public static func of(_ values: inout [Int64], currency: String) -> SalaryPercentiles {
        values.sort()
        func at(_ fraction: Double) -> Int {
            guard !values.isEmpty else { return 0 }
            let rank = fraction * Double(values.count - 1)
            let low = Int(rank.rounded(.down)), high = min(values.count - 1, low + 1)
            let value = Double(values[low]) + (Double(values[high]) - Double(values[low])) * (rank - Double(low))
            return Int(value.rounded())
        }
        return SalaryPercentiles(currency: currency, count: values.count, p10: at(0.1), p25: at(0.25), p50: at(0.5),
                                 p75: at(0.75), p90: at(0.9))
    }
}
