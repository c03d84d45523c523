import Dispatch
import Synchronization

/// Builds segments: from new documents (analyzing their text) or by merging existing segments.
struct SegmentBuilder: Sendable {
    let analyzer: Analyzer

    func build(_ documents: [IndexedDocument]) -> Segment {
        var columns = SegmentColumns()
        var builders = Array(repeating: FieldPostingsBuilder(), count: SearchField.allCases.count)
        var numbering = TermNumbering(analyzer: analyzer)
        for document in documents {
            var lengths: [Int] = []
            for field in SearchField.allCases {
                var length = 0
                numbering.forEachTerm(in: document.texts[field.rawValue]) { term, position in
                    builders[field.rawValue].add(term, at: position)
                    length = max(length, position + 1)
                }
                lengths.append(length)
                builders[field.rawValue].finishDocument(length: UInt16(clamping: length))
            }
            columns.append(document, fieldLengths: lengths)
        }
        return Segment(columns: columns, fields: builders.map { $0.build(terms: numbering.terms) })
    }

    /// One segment holding the live documents of `sources`, in their order; deleted documents are dropped.
    func merge(_ sources: [(segment: Segment, deleted: Bitset?)]) -> Segment {
        var columns = SegmentColumns()
        var renumbering: [[Int32]] = []
        for (segment, deleted) in sources {
            var numbers = [Int32](repeating: -1, count: segment.count)
            var remapping = SegmentColumns.Remapping(segment)
            for document in 0..<segment.count where !(deleted?.contains(document) ?? false) {
                numbers[document] = Int32(columns.rowIDs.count)
                columns.append(from: segment, document: document, remapping: &remapping)
            }
            renumbering.append(numbers)
        }
        // Descriptions hold most of the postings: they are merged in term ranges on all cores,
        // next to the other fields, and the ranges joined in order.
        let tasks = SearchField.allCases.flatMap { field -> [(field: SearchField, range: (from: String?, before: String?))] in
            let largest = sources.max { $0.segment.count < $1.segment.count }?.segment.postings(field)
            let boundaries = largest?.termBoundaries(parts: field == .description ? 2 : 1) ?? []
            let starts = [nil] + boundaries.map(Optional.some), ends = boundaries.map(Optional.some) + [nil]
            return zip(starts, ends).map { (field, ($0, $1)) }
        }
        let parts = Mutex([FieldPostings?](repeating: nil, count: tasks.count))
        let lengths = columns.fieldLengths, renumbered = renumbering
        DispatchQueue.concurrentPerform(iterations: tasks.count) { task in
            let (field, range) = tasks[task]
            let part = FieldPostings.merged(
                sources.indices.map { (sources[$0].segment.postings(field), renumbered[$0]) },
                lengths: lengths[field.rawValue], terms: range
            )
            parts.withLock { $0[task] = part }
        }
        let merged = parts.withLock { $0 }
        let fields = SearchField.allCases.map { field in
            var postings = FieldPostings()
            for (task, part) in merged.enumerated() where tasks[task].field == field {
                guard let part else { continue }
                if postings.termCount == 0 { postings = part } else { postings.append(part) }
            }
            return postings
        }
        return Segment(columns: columns, fields: fields)
    }
}
