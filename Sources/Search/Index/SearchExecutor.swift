import Foundation
import JobPostings

/// Runs one search against one snapshot: match, filter, count facets, rank, page.
struct SearchExecutor {
    let snapshot: IndexSnapshot
    let parser: QueryParser

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
            let matcher = ClauseMatcher(segment: segment, statistics: statistics)
            let excluded = Self.documents(matching: parsed.excluded, with: matcher, count: segment.count)
            facets.begin(segment)
            func consider(_ document: Int, score: Double) {
                guard !snapshot.isDeleted(segment: index, document: document), filters.isVisible(document),
                      !(excluded?.contains(document) ?? false) else { return }
                let failures = filters.failures(document)
                facets.count(document, in: segment, failures: failures)
                guard failures.isEmpty else { return }
                total += 1
                let hit = Hit(rowID: segment.rowIDs[document], score: score, postedAt: segment.postedAt[document])
                if let last, !isBetter(last, hit) { return }
                top.offer(hit)
            }
            if parsed.required.isEmpty {
                for document in 0..<segment.count { consider(document, score: 0) }
            } else {
                let matched = Self.intersect(parsed.required.map(matcher.matches))
                for (offset, document) in matched.documents.enumerated() {
                    consider(Int(document), score: matched.scores[offset])
                }
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

    static func newerFirst(_ left: Hit, _ right: Hit) -> Bool {
        left.postedAt != right.postedAt ? left.postedAt > right.postedAt : left.rowID < right.rowID
    }

    static func higherScoreFirst(_ left: Hit, _ right: Hit) -> Bool {
        left.score != right.score ? left.score > right.score : left.rowID < right.rowID
    }

    /// Documents in every list. Lists are walked smallest first for speed, but scores are added in
    /// clause order so a page and the next one compute bit-identical scores.
    static func intersect(_ lists: [ScoredDocuments]) -> ScoredDocuments {
        guard let smallest = lists.indices.min(by: { lists[$0].count < lists[$1].count }) else { return ScoredDocuments() }
        var positions = [Int](repeating: 0, count: lists.count)
        var result = ScoredDocuments()
        candidates: for document in lists[smallest].documents {
            for index in lists.indices {
                let list = lists[index]
                while positions[index] < list.count, list.documents[positions[index]] < document { positions[index] += 1 }
                if positions[index] == list.count { break candidates }
                if list.documents[positions[index]] != document { continue candidates }
            }
            var score = 0.0
            for index in lists.indices { score += lists[index].scores[positions[index]] }
            result.append(document, score)
        }
        return result
    }

    private static func documents(matching clauses: [ParsedQuery.Clause], with matcher: ClauseMatcher, count: Int) -> Bitset? {
        guard !clauses.isEmpty else { return nil }
        var set = Bitset(count: count)
        for clause in clauses {
            for document in matcher.matches(clause).documents { set.insert(Int(document)) }
        }
        return set
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
