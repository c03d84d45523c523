/// Collects one field's postings document by document, then lays them out as `FieldPostings`.
///
/// Occurrences are logged in arrival order (term number and position, packed in one word) and
/// sorted by term once at the end with a counting sort: adding an occurrence is one append.
struct FieldPostingsBuilder {
    /// `number << 32 | position` per occurrence, document after document.
    private var log: [UInt64] = []
    /// Where each document's occurrences start in `log`; one more entry than documents.
    private var documentStarts: [Int] = [0]
    private var lengths: [UInt16] = []

    mutating func add(_ number: Int32, at position: Int) {
        log.append(UInt64(UInt32(bitPattern: number)) << 32 | UInt64(UInt32(clamping: position)))
    }

    /// Closes the current document, whose occurrences were just added.
    mutating func finishDocument(length: UInt16) {
        documentStarts.append(log.count)
        lengths.append(length)
    }

    /// `terms[number]` names the segment's term numbers.
    func build(terms: [String]) -> FieldPostings {
        // Count per term, lay the terms out in sorted order, then scatter every occurrence into place.
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for occurrence in log { starts[Int(occurrence >> 32)] += 1 }
        let order = terms.indices.filter { starts[$0] > 0 }.sorted { TermOrder.less(terms[$0], terms[$1]) }
        var next = 0
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(order.count)
        for number in order {
            let count = starts[number]
            starts[number] = next
            ranges.append(next..<next + count)
            next += count
        }
        var documents = [UInt32](repeating: 0, count: log.count)
        var positions = [UInt32](repeating: 0, count: log.count)
        for document in lengths.indices {
            for index in documentStarts[document]..<documentStarts[document + 1] {
                let occurrence = log[index]
                let slot = starts[Int(occurrence >> 32)]
                starts[Int(occurrence >> 32)] = slot + 1
                documents[slot] = UInt32(document)
                positions[slot] = UInt32(truncatingIfNeeded: occurrence)
            }
        }
        var writer = PostingsWriter(expectedEntries: log.count)
        lengths.withUnsafeBufferPointer { lengths in
            for (number, range) in zip(order, ranges) {
                for index in range { writer.addOccurrence(document: documents[index], position: positions[index]) }
                writer.finishTerm(terms[number].utf8, lengths: lengths)
            }
        }
        return writer.finish()
    }
}
