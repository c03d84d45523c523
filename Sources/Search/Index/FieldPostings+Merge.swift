extension FieldPostings {
    /// One field's postings from several segments, documents renumbered (`-1`: dropped, as deleted).
    /// `lengths` are the merged segment's field lengths, for the score bounds.
    ///
    /// `terms` limits the merge to the terms in that range (nil bounds: open), so parts of one field
    /// can be merged on several cores and joined with `append`.
    static func merged(
        _ sources: [(postings: FieldPostings, renumbering: [Int32])], lengths: [UInt16],
        terms range: (from: String?, before: String?) = (nil, nil)
    ) -> FieldPostings {
        var writer = PostingsWriter(expectedEntries: sources.reduce(0) { $0 + $1.postings.entryCount })
        var next = sources.map { source in range.from.map { source.postings.lowerBound($0) } ?? 0 }
        let limit = range.before.map { Array($0.utf8) }
        lengths.withUnsafeBufferPointer { lengths in
            while true {
                var smallest: UnsafeBufferPointer<UInt8>?
                for (index, source) in sources.enumerated() where next[index] < source.postings.termCount {
                    let term = source.postings.bytes(ofTerm: next[index])
                    if smallest.map({ TermOrder.compare(term, $0) < 0 }) ?? true { smallest = term }
                }
                guard let term = smallest else { break }
                if let before = limit, before.withUnsafeBufferPointer({ TermOrder.compare(term, $0) >= 0 }) { break }
                for (index, source) in sources.enumerated() where next[index] < source.postings.termCount
                    && TermOrder.compare(source.postings.bytes(ofTerm: next[index]), term) == 0 {
                    source.postings.forEachEntry(of: next[index]) { document, frequency, positions in
                        let number = source.renumbering[Int(document)]
                        guard number >= 0 else { return }
                        writer.addEntry(document: UInt32(number), frequency: frequency, positions: positions)
                    }
                    next[index] += 1
                }
                writer.finishTerm(term, lengths: lengths)
            }
        }
        return writer.finish()
    }
}
