/// The ranked hits of a search so far, across segments.
struct HitCollector {
    var top: TopHits
    /// The last hit of the previous page: only hits after it belong to this page.
    let last: Hit?
    let byDate: Bool
    let pruning: Bool
    var total = 0
}

/// One search's walk over one segment: candidates from the clauses (or every document), then
/// visibility, exclusions, filters, facets, and ranking.
struct SegmentPass {
    var scan: SegmentScan
    let clauses: [ClauseIterator]
    let excluded: [ClauseIterator]

    mutating func run(count: Int, into collector: inout HitCollector) {
        if clauses.isEmpty {
            for document in 0..<count { consider(document, into: &collector) }
            return
        }
        if clauses.contains(where: \.isEmpty) { return }
        // Leapfrog: move every clause to the largest current document until all agree.
        var candidate: UInt32 = 0
        while true {
            var aligned = true
            for index in clauses.indices {
                let clause = clauses[index]
                clause.advance(to: candidate)
                if clause.document == DocumentSource.exhausted { return }
                if clause.document > candidate { candidate = clause.document; aligned = false; break }
            }
            guard aligned else { continue }
            consider(Int(candidate), into: &collector)
            if candidate == DocumentSource.exhausted - 1 { return }
            candidate += 1
        }
    }

    @inline(__always)
    private mutating func consider(_ document: Int, into collector: inout HitCollector) {
        guard scan.isVisible(document) else { return }
        for index in excluded.indices where excluded[index].contains(UInt32(document)) { return }
        let failures = scan.failures(document)
        scan.count(document, failures: failures)
        guard failures == 0 else { return }
        collector.total += 1
        var hit = Hit(rowID: scan.rowIDs[document], score: 0, postedAt: scan.postedAt[document])
        if !collector.byDate {
            if collector.pruning, collector.top.isFull, let worst = collector.top.worst {
                var bound = 0.0
                for index in clauses.indices { bound += clauses[index].upperBound() }
                // A document that cannot reach the page's worst score is counted, not scored.
                if bound < worst.score { return }
            }
            for index in clauses.indices { hit.score += clauses[index].score() }
        }
        if let last = collector.last, !TopHits.isBetter(last, hit, byDate: collector.byDate) { return }
        collector.top.offer(hit)
    }
}
