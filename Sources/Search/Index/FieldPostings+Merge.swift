extension FieldPostings {
    /// One field's postings from several segments, documents renumbered (`-1`: dropped, as deleted).
    /// `lengths` are the merged segment's field lengths, for the per-term score bounds.
    static func merged(_ sources: [(postings: FieldPostings, renumbering: [Int32])], lengths: [UInt16]) -> FieldPostings {
        var result = FieldPostings()
        var next = [Int](repeating: 0, count: sources.count)
        var entryCount = 0
        while true {
            var smallest: String?
            for (index, source) in sources.enumerated() where next[index] < source.postings.termCount {
                let term = source.postings.terms[next[index]]
                if smallest == nil || term < smallest! { smallest = term }
            }
            guard let term = smallest else { break }
            var maxFrequency: UInt8 = 0
            var minLength = UInt16.max
            let before = result.documents.count
            for (index, source) in sources.enumerated()
            where next[index] < source.postings.termCount && source.postings.terms[next[index]] == term {
                let postings = source.postings
                let entries = postings.entries(of: next[index])
                next[index] += 1
                var offset = entries.isEmpty ? 0 : postings.positionOffset(ofEntry: entries.lowerBound)
                for entry in entries {
                    let frequency = postings.frequencies[entry]
                    let start = offset
                    Varint.skip(Int(frequency), in: postings.positions, at: &offset)
                    let document = source.renumbering[Int(postings.documents[entry])]
                    guard document >= 0 else { continue }
                    if entryCount % checkpointInterval == 0 { result.checkpoints.append(UInt64(result.positions.count)) }
                    entryCount += 1
                    result.documents.append(UInt32(document))
                    result.frequencies.append(frequency)
                    result.positions.append(contentsOf: postings.positions[start..<offset])
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
}
