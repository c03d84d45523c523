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
            for document in 0..<segment.count where !(deleted?.contains(document) ?? false) {
                numbers[document] = Int32(columns.rowIDs.count)
                columns.append(from: segment, document: document)
            }
            renumbering.append(numbers)
        }
        let fields = SearchField.allCases.map { field in
            FieldPostings.merged(
                sources.indices.map { (sources[$0].segment.postings(field), renumbering[$0]) },
                lengths: columns.fieldLengths[field.rawValue]
            )
        }
        return Segment(columns: columns, fields: fields)
    }
}
