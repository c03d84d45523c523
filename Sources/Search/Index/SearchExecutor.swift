import Foundation
import JobPostings

/// Runs one search against one snapshot: match, filter, count facets, rank, page.
///
/// Every match is counted (totals and facets are exact), but not every match is scored: once the
/// page is full, a document whose score bound cannot beat the page's worst hit is counted and
/// skipped. `pruning: false` scores everything, which tests use as the reference.
struct SearchExecutor {
    let snapshot: IndexSnapshot
    let parser: QueryParser
    var pruning = true
    /// Set for a search ordered by match.
    var match: MatchContext?

    func run(_ query: JobSearchQuery, now: Date) throws -> JobSearchMatches {
        let parsed = parser.parse(query.text)
        let byDate = match == nil && (query.sort == .date || parsed.required.isEmpty)
        let fingerprint = Self.fingerprint(of: query)
        let cursor = try query.cursor.map { try SearchCursor.decode($0, fingerprint: fingerprint) }
        let statistics = cursor?.statistics ?? snapshot.statistics(for: parsed.scoredTerms)
        let horizon = cursor?.horizon ?? snapshot.highestRowID
        let last = cursor.map { Hit(rowID: $0.lastRowID, score: $0.lastScore ?? 0, postedAt: $0.lastPostedAt ?? 0) }
        let nowSeconds = Int64(now.timeIntervalSince1970)

        // Segments are independent: search them on all cores and merge their pages and counts.
        let segments = snapshot.segments
        let accepted = AcceptedValues(query)
        let partial = HeaviestFirst.map(count: segments.count, weight: { segments[$0].count }) { index in
            let segment = segments[index]
            let pass = SegmentPass(
                segment: segment,
                visible: SegmentFilterMasks.visible(segment, deleted: snapshot.deleted[index], now: nowSeconds, horizon: horizon),
                query: query,
                planner: ClausePlanner(segment: segment, statistics: statistics),
                required: parsed.required, excluded: parsed.excluded, accepted: accepted, match: match
            )
            var collector = HitCollector(
                top: TopHits(capacity: query.limit + 1, byDate: byDate), last: last, byDate: byDate, pruning: pruning
            )
            var tally = FacetTally(segment)
            pass.run(into: &collector, tally: &tally)
            return (collector: collector, tally: tally)
        }
        var top = TopHits(capacity: query.limit + 1, byDate: byDate)
        var facets = FacetCounter()
        var total = 0
        for (index, result) in partial.enumerated() {
            for hit in result.collector.top.sorted() { top.offer(hit) }
            total += result.collector.total
            facets.add(result.tally, of: segments[index])
        }

        let ranked = top.sorted()
        let page = Array(ranked.prefix(query.limit))
        var next: String?
        if ranked.count > query.limit, let boundary = page.last {
            next = SearchCursor(
                horizon: horizon, statistics: byDate ? nil : statistics,
                lastScore: byDate ? nil : boundary.score, lastPostedAt: byDate ? boundary.postedAt : nil,
                lastRowID: boundary.rowID
            ).encoded(fingerprint: fingerprint)
        }
        return JobSearchMatches(rowIDs: page.map(\.rowID), total: total, facets: facets.facets(), nextCursor: next,
                                matchScores: match == nil ? [] : page.map { Int($0.score) })
    }

    static func fingerprint(of query: JobSearchQuery) -> UInt64 {
        SearchCursor.fingerprint([
            query.text, query.locations.sorted().joined(separator: "\u{1}"), query.remote.map(String.init) ?? "",
            query.minSalary.map(String.init) ?? "", query.maxSalary.map(String.init) ?? "", query.currency ?? "",
            query.postedAfter.map { String($0.timeIntervalSince1970) } ?? "",
            query.companies.sorted().joined(separator: "\u{1}"), query.providers.sorted().joined(separator: "\u{1}"),
            query.employmentTypes.map(\.rawValue).sorted().joined(separator: "\u{1}"), query.sort.rawValue,
            query.skills.map { $0.lowercased() }.sorted().joined(separator: "\u{1}"),
            query.sort == .match ? query.match?.cursorKey ?? "" : "", query.titleOnly ? "title" : "",
        ])
    }
}
