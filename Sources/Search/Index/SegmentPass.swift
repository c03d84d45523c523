import JobPostings

/// The ranked hits of a search so far, across segments.
struct HitCollector {
    var top: TopHits
    /// The last hit of the previous page: only hits after it belong to this page.
    let last: Hit?
    let byDate: Bool
    let pruning: Bool
    var total = 0

    @inline(__always)
    mutating func offer(_ hit: Hit) {
        if let last, !TopHits.isBetter(last, hit, byDate: byDate) { return }
        top.offer(hit)
    }

    /// The score a document must beat to enter a full page.
    var threshold: Double? { pruning && top.isFull ? top.worst?.score : nil }
}

/// One search's walk over one segment, in whole sets first and documents last:
/// text matches, visibility and filters are combined as bitsets; facets and the total are counted
/// from those sets; only then are documents ranked, titles first, so that documents matching only
/// in descriptions are not scored at all once they can no longer make the page.
struct SegmentPass {
    let segment: Segment
    /// Live, unexpired documents inside the walk's horizon.
    let visible: Bitset
    let query: JobSearchQuery
    let planner: ClausePlanner
    let required: [ParsedQuery.Clause]
    let excluded: [ParsedQuery.Clause]
    /// The location, company and skill values the query's filters accept.
    let accepted: AcceptedValues
    /// With a match context, results are ordered by match score instead of relevance or date.
    var match: MatchContext? = nil

    /// The documents matching the text and passing every filter, with what facets and ranking need.
    struct Matching {
        var clauses: [ClauseIterator]
        var base: Bitset
        var masks: SegmentFilterMasks
        var results: Bitset
    }

    func matching() -> Matching? {
        var base = visible
        var clauses: [ClauseIterator] = []
        if !required.isEmpty {
            clauses = required.map(planner.iterator(for:))
            if clauses.contains(where: \.isEmpty) { return nil }
            for clause in clauses { base.formIntersection(clause.matches(count: segment.count)) }
            if query.titleOnly {
                for clause in clauses {
                    var titled = Bitset(count: segment.count)
                    clause.addTitleMatches(to: &titled)
                    base.formIntersection(titled)
                }
            }
        }
        for clause in excluded.map(planner.iterator(for:)) { base.subtract(clause.matches(count: segment.count)) }
        // Filters are only evaluated for documents that are visible and match the text.
        let masks = SegmentFilterMasks(segment: segment, query: query, accepted: accepted, within: base)
        if let other = masks.other { base.formIntersection(other) }
        return Matching(clauses: clauses, base: base, masks: masks, results: masks.passing(allBut: nil, within: base))
    }

    /// Each facet over the matches passing every other facet's filter (disjunctive facets).
    func countFacets(_ matching: Matching, into tally: inout FacetTally) {
        if matching.masks.hasFacetFilters {
            for facet in SegmentFilterMasks.Facet.allCases {
                let counted = matching.masks.facets[facet.rawValue] == nil ? matching.results
                    : matching.masks.passing(allBut: facet, within: matching.base)
                tally.count(facet, over: counted, in: segment)
            }
        } else {
            tally.countAll(over: matching.results, in: segment)
        }
    }

    func run(into collector: inout HitCollector, tally: inout FacetTally) {
        guard let matching = matching() else { return }
        let (clauses, results) = (matching.clauses, matching.results)
        if query.countsFacets { countFacets(matching, into: &tally) }
        collector.total += results.cardinality

        if let match {
            let scorer = SegmentMatchScorer(segment: segment, context: match)
            segment.rowIDs.withUnsafeBufferPointer { rows in
                segment.postedAt.withUnsafeBufferPointer { posted in
                    results.forEach { document in
                        // Ties go to the lower row id, so only a bound below the page's worst hit rules a document out.
                        if let threshold = collector.threshold, Double(scorer.bound(document)) < threshold { return }
                        let score = Double(scorer.score(document))
                        if let threshold = collector.threshold, score < threshold { return }
                        collector.offer(Hit(rowID: rows[document], score: score, postedAt: posted[document]))
                    }
                }
            }
            return
        }
        if collector.byDate || clauses.isEmpty {
            offerNewest(results, into: &collector)
            return
        }
        rank(results, clauses: clauses, into: &collector)
    }

    /// Date order. Once the page is full, a word of 64 documents whose newest posting is older than
    /// the page's oldest hit cannot place one on the page, and is passed over without reading its
    /// documents: over a whole segment, only the few words holding the newest postings are read.
    private func offerNewest(_ results: Bitset, into collector: inout HitCollector) {
        segment.rowIDs.withUnsafeBufferPointer { rows in
            segment.postedAt.withUnsafeBufferPointer { posted in
                segment.forEachDocument(in: results, skippingWordsWhere: { newest in
                    guard collector.pruning, collector.top.isFull, let oldest = collector.top.worst else { return false }
                    return newest < oldest.postedAt
                }) { document in
                    collector.offer(Hit(rowID: rows[document], score: 0, postedAt: posted[document]))
                }
            }
        }
    }

    private func rank(_ results: Bitset, clauses: [ClauseIterator], into collector: inout HitCollector) {
        var titled = Bitset(count: segment.count)
        for clause in clauses { clause.addTitleMatches(to: &titled) }
        titled.formIntersection(results)
        score(titled, clauses: clauses, into: &collector)
        // Documents without a title match score at most this; skip them all if the page is beyond it.
        let untitledBound = clauses.reduce(0) { $0 + $1.boundWithoutTitle }
        if let threshold = collector.threshold, cannotEnter(untitledBound, threshold) { return }
        var untitled = results
        untitled.subtract(titled)
        for clause in clauses { clause.rewind() }
        score(untitled, clauses: clauses, into: &collector)
    }

    /// Whether a document scoring at most `bound` stays out of a full page whose worst hit scores
    /// `threshold`. Documents are walked in row-id order when the segment's rows ascend, so a later
    /// document that only ties the worst hit loses the tie (lower row id first) and is out too.
    private func cannotEnter(_ bound: Double, _ threshold: Double) -> Bool {
        segment.rowIDsAscend ? bound <= threshold : bound < threshold
    }

    private func score(_ documents: Bitset, clauses: [ClauseIterator], into collector: inout HitCollector) {
        // Once the page's worst hit is out of every remaining document's reach, the walk can stop.
        let ceiling = clauses.reduce(0) { $0 + $1.bound }
        documents.walk(while: { document in
            if let threshold = collector.threshold {
                if cannotEnter(ceiling, threshold) { return false }
                var quick = 0.0
                for clause in clauses { quick += clause.titleBound(at: UInt32(document)) }
                if cannotEnter(quick, threshold) { return true }
            }
            var bound = 0.0
            for clause in clauses { bound += clause.upperBound(at: UInt32(document)) }
            if let threshold = collector.threshold, cannotEnter(bound, threshold) { return true }
            var score = 0.0
            for clause in clauses { score += clause.score() }
            // Most documents scored stay out: reading their row id and date for the offer missed the cache.
            if let threshold = collector.threshold, cannotEnter(score, threshold) { return true }
            collector.offer(Hit(rowID: segment.rowIDs[document], score: score, postedAt: segment.postedAt[document]))
            return true
        })
    }
}
