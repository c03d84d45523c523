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
        let order = terms.indices.filter { starts[$0] > 0 }.sorted { terms[$0] < terms[$1] }
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
        var result = FieldPostings()
        // Room for everything up front: growing these arrays step by step would copy them over and over.
        result.terms.reserveCapacity(order.count)
        result.termStarts.reserveCapacity(order.count + 1)
        result.maxFrequency.reserveCapacity(order.count)
        result.minLength.reserveCapacity(order.count)
        result.documents.reserveCapacity(log.count)
        result.frequencies.reserveCapacity(log.count)
        result.positions.reserveCapacity(log.count + log.count / 2)
        result.checkpoints.reserveCapacity(log.count / FieldPostings.checkpointInterval + 1)
        for (number, range) in zip(order, ranges) {
            result.terms.append(terms[number])
            Self.append(documents: documents[range], positions: positions[range], lengths: lengths, to: &result)
        }
        return result
    }

    /// Appends one term's occurrences (document order, positions ascending within a document).
    private static func append(documents: ArraySlice<UInt32>, positions: ArraySlice<UInt32>, lengths: [UInt16],
                               to result: inout FieldPostings) {
        let firstEntry = result.documents.count
        var minLength = UInt16.max
        var lastPosition: UInt32 = 0
        for index in documents.indices {
            let document = documents[index], position = positions[index]
            let last = result.frequencies.count - 1
            if index > documents.startIndex, documents[index - 1] == document {
                // Only the first 255 positions are kept; an out-of-order one cannot be stored as a delta.
                guard result.frequencies[last] < 255, position >= lastPosition else { continue }
                result.frequencies[last] += 1
                Varint.append(position - lastPosition, to: &result.positions)
            } else {
                if result.documents.count % FieldPostings.checkpointInterval == 0 {
                    result.checkpoints.append(UInt64(result.positions.count))
                }
                result.documents.append(document)
                result.frequencies.append(1)
                Varint.append(position, to: &result.positions)
                minLength = min(minLength, lengths[Int(document)])
            }
            lastPosition = position
        }
        result.termStarts.append(UInt32(result.documents.count))
        result.maxFrequency.append(result.frequencies[firstEntry...].max() ?? 0)
        result.minLength.append(minLength)
    }
}
