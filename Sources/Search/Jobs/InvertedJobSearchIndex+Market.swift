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

    /// Market figures over every posting the query matches, in one walk per segment: the total,
    /// the facets, the weekly trend and the salary percentiles all come from the same matches.
    public func marketStatistics(_ asked: JobSearchQuery, now: Date, weeks: Int) throws -> MarketStatistics {
        var counting = asked
        counting.cursor = nil
        counting.match = nil
        let query = counting
        let snapshot = self.snapshot
        let parsed = QueryParser(analyzer: analyzer).parse(query.text)
        let statistics = snapshot.statistics(for: parsed.scoredTerms)
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let segments = snapshot.segments
        let partial = Mutex([(market: MarketTally, facets: FacetTally, total: Int)?](repeating: nil, count: segments.count))
        DispatchQueue.concurrentPerform(iterations: segments.count) { index in
            let segment = segments[index]
            let pass = SegmentPass(
                segment: segment,
                visible: SegmentFilterMasks.visible(segment, deleted: snapshot.deleted[index], now: nowSeconds, horizon: snapshot.highestRowID),
                query: query, planner: ClausePlanner(segment: segment, statistics: statistics),
                required: parsed.required, excluded: parsed.excluded
            )
            var market = MarketTally(now: now, weeks: weeks)
            var facets = FacetTally(segment)
            var total = 0
            if let matching = pass.matching() {
                market.add(matching.results, of: segment)
                pass.countFacets(matching, into: &facets)
                total = matching.results.cardinality
            }
            partial.withLock { $0[index] = (market, facets, total) }
        }
        var market = MarketTally(now: now, weeks: weeks)
        var facets = FacetCounter()
        var total = 0
        for (index, result) in partial.withLock({ $0 }).enumerated() {
            guard let result else { continue }
            market.merge(result.market)
            facets.add(result.facets, of: segments[index])
            total += result.total
        }
        return MarketStatistics(openPostings: total, weeklyNew: market.weekCounts(), salaries: market.percentiles(),
                                remote: market.remote, facets: facets.facets())
    }
}
