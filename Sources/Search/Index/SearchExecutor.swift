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

    func run(_ query: JobSearchQuery, now: Date) throws -> JobSearchMatches {
        let parsed = parser.parse(query.text)
        let byDate = query.sort == .date || parsed.required.isEmpty
        let fingerprint = Self.fingerprint(of: query)
        let cursor = try query.cursor.map { try SearchCursor.decode($0, fingerprint: fingerprint) }
        let statistics = cursor?.statistics ?? snapshot.statistics(for: parsed.scoredTerms)
        let horizon = cursor?.horizon ?? snapshot.highestRowID
        let isBetter: (Hit, Hit) -> Bool
        if byDate { isBetter = Self.newerFirst(_:_:) } else { isBetter = Self.higherScoreFirst(_:_:) }
        let last = cursor.map { Hit(rowID: $0.lastRowID, score: $0.lastScore ?? 0, postedAt: $0.lastPostedAt ?? 0) }
        var top = TopHits(capacity: query.limit + 1, isBetter: isBetter)
        var facets = FacetCounter()
        var total = 0
        let nowSeconds = Int64(now.timeIntervalSince1970)

        for (index, segment) in snapshot.segments.enumerated() {
            let filters = SegmentFilters(segment: segment, query: query, now: nowSeconds, highestRowID: horizon)
            let planner = ClausePlanner(segment: segment, statistics: statistics)
            let excluded = parsed.excluded.map(planner.iterator(for:)).filter { !$0.isEmpty }
            let clauses = parsed.required.map(planner.iterator(for:))
            facets.begin(segment)
            func consider(_ document: Int) {
                guard !snapshot.isDeleted(segment: index, document: document), filters.isVisible(document),
                      !excluded.contains(where: { $0.contains(UInt32(document)) }) else { return }
                let failures = filters.failures(document)
                facets.count(document, in: segment, failures: failures)
                guard failures.isEmpty else { return }
                total += 1
                var hit = Hit(rowID: segment.rowIDs[document], score: 0, postedAt: segment.postedAt[document])
                if !byDate {
                    if pruning, let worst = top.worst, top.isFull,
                       clauses.reduce(0, { $0 + $1.upperBound() }) < worst.score {
                        return
                    }
                    hit.score = clauses.reduce(0) { $0 + $1.score() }
                }
                if let last, !isBetter(last, hit) { return }
                top.offer(hit)
            }
            if clauses.isEmpty {
                for document in 0..<segment.count { consider(document) }
            } else if !clauses.contains(where: \.isEmpty) {
                Self.intersect(clauses) { consider(Int($0)) }
            }
            facets.finish(segment)
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
        return JobSearchMatches(rowIDs: page.map(\.rowID), total: total, facets: facets.facets(), nextCursor: next)
    }

    /// Calls `body` with every document all clauses match, in order (leapfrog intersection).
    static func intersect(_ clauses: [ClauseIterator], _ body: (UInt32) -> Void) {
        var candidate: UInt32 = 0
        while true {
            var aligned = true
            for clause in clauses {
                clause.advance(to: candidate)
                if clause.document == DocumentSource.exhausted { return }
                if clause.document > candidate { candidate = clause.document; aligned = false; break }
            }
            guard aligned else { continue }
            body(candidate)
            if candidate == DocumentSource.exhausted - 1 { return }
            candidate += 1
        }
    }

    static func newerFirst(_ left: Hit, _ right: Hit) -> Bool {
        left.postedAt != right.postedAt ? left.postedAt > right.postedAt : left.rowID < right.rowID
    }

    static func higherScoreFirst(_ left: Hit, _ right: Hit) -> Bool {
        left.score != right.score ? left.score > right.score : left.rowID < right.rowID
    }

    static func fingerprint(of query: JobSearchQuery) -> UInt64 {
        SearchCursor.fingerprint([
            query.text, query.locations.sorted().joined(separator: "\u{1}"), query.remote.map(String.init) ?? "",
            query.minSalary.map(String.init) ?? "", query.maxSalary.map(String.init) ?? "", query.currency ?? "",
            query.postedAfter.map { String($0.timeIntervalSince1970) } ?? "",
            query.companies.sorted().joined(separator: "\u{1}"), query.providers.sorted().joined(separator: "\u{1}"),
            query.employmentTypes.map(\.rawValue).sorted().joined(separator: "\u{1}"), query.sort.rawValue,
        ])
    }
}
