import Foundation
import JobPostings

/// A role's market, read from the open postings: demand, trend, pay, skills, employers, remote share.
public struct MarketInsights: Sendable, Equatable {
    public enum Demand: String, Sendable { case high, medium, low, none }

    public var role: String
    public var location: String?
    public var remote: Bool?
    public var statistics: MarketStatistics
    /// Open postings in the whole index, for the share this market holds.
    public var allOpenPostings: Int
    public var demand: Demand
    /// New postings in the last four weeks and in the four before them.
    public var lastFourWeeks: Int
    public var previousFourWeeks: Int

    public var share: Double { allOpenPostings == 0 ? 0 : Double(statistics.openPostings) / Double(allOpenPostings) }
    public var remoteShare: Double { statistics.openPostings == 0 ? 0 : Double(statistics.remote) / Double(statistics.openPostings) }
    /// Change of the last four weeks over the four before, in percent; nil when there was nothing before.
    public var trendPercent: Int? {
        previousFourWeeks == 0 ? nil : Int((Double(lastFourWeeks - previousFourWeeks) * 100 / Double(previousFourWeeks)).rounded())
    }
}

/// `GET /market-intelligence`: the figures come from the search index, counted exactly over every matching posting.
public struct MarketInsightsService: Sendable {
    static let weeks = 12
    private let jobs: JobSearchService

    public init(jobs: JobSearchService) {
        self.jobs = jobs
    }

    public func insights(role: String, location: String?, remote: Bool?) throws -> MarketInsights {
        var query = JobSearchQuery(text: role, remote: remote)
        query.titleOnly = true
        if let location { query.locations = [location] }
        let statistics = try jobs.marketStatistics(query, weeks: Self.weeks)
        let everything = jobs.openPostingCount()
        let weekly = statistics.weeklyNew.map(\.count)
        let last = weekly.suffix(4).reduce(0, +)
        let previous = weekly.dropLast(4).suffix(4).reduce(0, +)
        return MarketInsights(role: role, location: location, remote: remote, statistics: statistics, allOpenPostings: everything,
                              demand: Self.demand(statistics.openPostings, of: everything), lastFourWeeks: last, previousFourWeeks: previous)
    }

    /// High when the role holds at least 1% of all open postings (or 500 of them), medium from 0.1% (or 50), else low.
    static func demand(_ postings: Int, of all: Int) -> MarketInsights.Demand {
        guard postings > 0, all > 0 else { return .none }
        let share = Double(postings) / Double(all)
        if share >= 0.01 || postings >= 500 { return .high }
        if share >= 0.001 || postings >= 50 { return .medium }
        return .low
    }
}
