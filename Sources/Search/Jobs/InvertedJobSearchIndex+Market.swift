import Foundation
import JobPostings

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
        let accepted = AcceptedValues(query)
        let partial = HeaviestFirst.map(count: segments.count, weight: { segments[$0].count }) { index in
            let segment = segments[index]
            let pass = SegmentPass(
                segment: segment,
                visible: SegmentFilterMasks.visible(segment, deleted: snapshot.deleted[index], now: nowSeconds, horizon: snapshot.highestRowID),
                query: query, planner: ClausePlanner(segment: segment, statistics: statistics),
                required: parsed.required, excluded: parsed.excluded, accepted: accepted
            )
            var market = MarketTally(now: now, weeks: weeks)
            var facets = FacetTally(segment)
            var total = 0
            if let matching = pass.matching() {
                market.add(matching.results, of: segment)
                pass.countFacets(matching, into: &facets)
                total = matching.results.cardinality
            }
            return (market: market, facets: facets, total: total)
        }
        var market = MarketTally(now: now, weeks: weeks)
        var facets = FacetCounter()
        var total = 0
        for (index, result) in partial.enumerated() {
            market.merge(result.market)
            facets.add(result.facets, of: segments[index])
            total += result.total
        }
        return MarketStatistics(openPostings: total, weeklyNew: market.weekCounts(), salaries: market.percentiles(),
                                remote: market.remote, facets: facets.facets())
    }
}
