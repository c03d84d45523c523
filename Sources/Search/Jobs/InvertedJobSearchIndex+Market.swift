import Dispatch
import Foundation
import JobPostings
import Synchronization

extension InvertedJobSearchIndex {
    public func openPostingCount(now: Date) -> Int {
        let snapshot = self.snapshot
        let seconds = Int64(now.timeIntervalSince1970)
        return snapshot.segments.indices.reduce(0) { total, index in
            total + SegmentFilterMasks.visible(snapshot.segments[index], deleted: snapshot.deleted[index], now: seconds,
                                               horizon: snapshot.highestRowID).cardinality
        }
    }

    /// Market figures over every posting the query matches: the search's own total and facets, then
    /// one more walk over the same matches for the weekly trend and salary percentiles.
    public func marketStatistics(_ asked: JobSearchQuery, now: Date, weeks: Int) throws -> MarketStatistics {
        var counting = asked
        counting.limit = 1
        counting.cursor = nil
        counting.sort = .date
        counting.match = nil
        let query = counting
        let snapshot = self.snapshot
        let parser = QueryParser(analyzer: analyzer)
        let matches = try SearchExecutor(snapshot: snapshot, parser: parser).run(query, now: now)
        let parsed = parser.parse(query.text)
        let statistics = snapshot.statistics(for: parsed.scoredTerms)
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let segments = snapshot.segments
        let tallies = Mutex([MarketTally?](repeating: nil, count: segments.count))
        DispatchQueue.concurrentPerform(iterations: segments.count) { index in
            let segment = segments[index]
            let pass = SegmentPass(
                segment: segment,
                visible: SegmentFilterMasks.visible(segment, deleted: snapshot.deleted[index], now: nowSeconds, horizon: snapshot.highestRowID),
                query: query, planner: ClausePlanner(segment: segment, statistics: statistics),
                required: parsed.required, excluded: parsed.excluded
            )
            var tally = MarketTally(now: now, weeks: weeks)
            if let matching = pass.matching() { tally.add(matching.results, of: segment) }
            tallies.withLock { $0[index] = tally }
        }
        var total = MarketTally(now: now, weeks: weeks)
        for tally in tallies.withLock({ $0 }) { if let tally { total.merge(tally) } }
        return MarketStatistics(openPostings: matches.total, weeklyNew: total.weekCounts(), salaries: total.percentiles(),
                                remote: total.remote, facets: matches.facets)
    }
}
