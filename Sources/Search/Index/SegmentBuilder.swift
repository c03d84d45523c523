/// Builds segments: from new documents (analyzing their text) or by merging existing segments.
struct SegmentBuilder: Sendable {
    let analyzer: Analyzer

    func build(_ documents: [IndexedDocument]) -> Segment {
        var columns = SegmentColumns()
        var postings = Array(repeating: [String: PostingList](), count: SearchField.allCases.count)
        for (number, document) in documents.enumerated() {
            var lengths: [Int] = []
            for field in SearchField.allCases {
                let terms = analyzer.terms(in: document.texts[field.rawValue])
                lengths.append((terms.last?.position ?? -1) + 1)
                for term in terms {
                    postings[field.rawValue][term.term, default: PostingList()]
                        .add(document: UInt32(number), position: UInt32(term.position))
                }
            }
            columns.append(document, fieldLengths: lengths)
        }
        return Segment(columns: columns, postings: postings)
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
        var postings = Array(repeating: [String: PostingList](), count: SearchField.allCases.count)
        for field in SearchField.allCases {
            for (index, source) in sources.enumerated() {
                for (term, list) in source.segment.postings[field.rawValue] {
                    for entry in 0..<list.count {
                        let number = renumbering[index][Int(list.documents[entry])]
                        guard number >= 0 else { continue }
                        postings[field.rawValue][term, default: PostingList()]
                            .append(from: list, entry: entry, as: UInt32(number))
                    }
                }
            }
        }
        return Segment(columns: columns, postings: postings)
    }
}
