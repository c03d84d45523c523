extension FieldPostings {
    /// One field's postings from several segments, documents renumbered (`-1`: dropped, as deleted).
    /// `lengths` are the merged segment's field lengths, for the per-term score bounds.
    ///
    /// A source without deletions keeps its documents in order behind the ones before it, so each of
    /// its terms is copied as whole runs (documents shifted, frequencies and position bytes as they
    /// are) with the term's score bounds unchanged; only sources with deletions go entry by entry.
    /// `terms` limits the merge to the terms in that range (nil bounds: open), so parts of one field
    /// can be merged on several cores and joined with `appending`.
    static func merged(
        _ sources: [(postings: FieldPostings, renumbering: [Int32])], lengths: [UInt16],
        terms range: (from: String?, before: String?) = (nil, nil)
    ) -> FieldPostings {
        var result = FieldPostings()
        let shifts = sources.map { Self.shift(of: $0.renumbering) }
        var next = sources.map { source in range.from.map { source.postings.lowerBound($0) } ?? 0 }
        var checkpoints = CheckpointWriter()
        while true {
            var smallest: String?
            for (index, source) in sources.enumerated() where next[index] < source.postings.termCount {
                let term = source.postings.terms[next[index]]
                if smallest == nil || term < smallest! { smallest = term }
            }
            guard let term = smallest, range.before.map({ term < $0 }) ?? true else { break }
            var maxFrequency: UInt8 = 0
            var minLength = UInt16.max
            let before = result.documents.count
            for (index, source) in sources.enumerated()
            where next[index] < source.postings.termCount && source.postings.terms[next[index]] == term {
                let postings = source.postings
                let number = next[index]
                next[index] += 1
                let entries = postings.entries(of: number)
                let start = postings.positionOffset(ofEntry: entries.lowerBound)
                if let shift = shifts[index] {
                    let end = entries.upperBound == postings.documents.count
                        ? postings.positions.count : postings.positionOffset(ofEntry: entries.upperBound)
                    checkpoints.add(frequencies: postings.frequencies[entries], positions: postings.positions[start..<end], to: &result)
                    result.documents.append(contentsOf: postings.documents[entries].lazy.map { $0 + shift })
                    maxFrequency = max(maxFrequency, postings.maxFrequency[number])
                    minLength = min(minLength, postings.minLength[number])
                    continue
                }
                var offset = start
                for entry in entries {
                    let frequency = postings.frequencies[entry]
                    let first = offset
                    Varint.skip(Int(frequency), in: postings.positions, at: &offset)
                    let document = source.renumbering[Int(postings.documents[entry])]
                    guard document >= 0 else { continue }
                    checkpoints.add(frequencies: CollectionOfOne(frequency), positions: postings.positions[first..<offset], to: &result)
                    result.documents.append(UInt32(document))
                    maxFrequency = max(maxFrequency, frequency)
                    minLength = min(minLength, lengths[Int(document)])
                }
            }
            guard result.documents.count > before else { continue }
            result.terms.append(term)
            result.termStarts.append(UInt32(result.documents.count))
            result.maxFrequency.append(maxFrequency)
            result.minLength.append(minLength)
        }
        return result
    }

    /// The constant a source's documents move by, when none is dropped and their order is kept.
    private static func shift(of renumbering: [Int32]) -> UInt32? {
        guard let first = renumbering.first, first >= 0 else { return renumbering.isEmpty ? 0 : nil }
        for (document, number) in renumbering.enumerated() where Int(number) != Int(first) + document { return nil }
        return UInt32(first)
    }
}

/// Appends entries' frequencies and position bytes to postings, adding a checkpoint at every
/// `checkpointInterval`-th entry of the result.
struct CheckpointWriter {
    /// Entries the postings held before this writer's first one.
    private var entryCount = 0

    init(entryCount: Int = 0) {
        self.entryCount = entryCount
    }

    mutating func add<Frequencies: Collection<UInt8>>(
        frequencies: Frequencies, positions: ArraySlice<UInt8>, to postings: inout FieldPostings
    ) {
        let base = postings.positions.count
        positions.withUnsafeBufferPointer { bytes in
            var offset = 0
            for frequency in frequencies {
                if entryCount % FieldPostings.checkpointInterval == 0 { postings.checkpoints.append(UInt64(base + offset)) }
                entryCount += 1
                Varint.skip(Int(frequency), in: bytes, at: &offset)
            }
        }
        postings.frequencies.append(contentsOf: frequencies)
        postings.positions.append(contentsOf: positions)
    }
}
