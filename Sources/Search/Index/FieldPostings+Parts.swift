extension FieldPostings {
    /// Terms that cut the postings into `parts` runs holding about as many entries each.
    func termBoundaries(parts: Int) -> [String] {
        guard parts > 1, termCount > parts else { return [] }
        var boundaries: [String] = []
        let total = documents.count
        var term = 0
        for part in 1..<parts {
            while term < termCount, Int(termStarts[term]) < total * part / parts { term += 1 }
            if term < termCount, boundaries.last.map({ terms[term] > $0 }) ?? true { boundaries.append(terms[term]) }
        }
        return boundaries
    }

    /// These postings followed by `other`'s, whose terms all sort after these. Checkpoints are laid
    /// again for the appended entries, since their numbers move.
    mutating func append(_ other: FieldPostings) {
        let entryBase = documents.count
        terms.append(contentsOf: other.terms)
        termStarts.append(contentsOf: other.termStarts.dropFirst().map { $0 + UInt32(entryBase) })
        maxFrequency.append(contentsOf: other.maxFrequency)
        minLength.append(contentsOf: other.minLength)
        documents.append(contentsOf: other.documents)
        var writer = CheckpointWriter(entryCount: entryBase)
        writer.add(frequencies: other.frequencies, positions: other.positions[...], to: &self)
    }
}
