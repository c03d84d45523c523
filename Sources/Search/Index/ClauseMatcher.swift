/// Finds and scores the documents of one segment that match a query clause.
struct ClauseMatcher {
    let segment: Segment
    let statistics: ScoringStatistics

    func matches(_ clause: ParsedQuery.Clause) -> ScoredDocuments {
        switch clause {
        case .anyOf(let phrases):
            return phrases.map(matches(phrase:)).reduce(ScoredDocuments()) { $0.union($1, combine: max) }
        case .prefix(let prefix):
            return matches(prefix: prefix)
        }
    }

    /// A phrase matches in any field; the fields it matches in add up.
    private func matches(phrase: QueryPhrase) -> ScoredDocuments {
        SearchField.allCases.map { matches(phrase: phrase, in: $0) }
            .reduce(ScoredDocuments()) { $0.union($1, combine: +) }
    }

    private func matches(phrase: QueryPhrase, in field: SearchField) -> ScoredDocuments {
        let postings = segment.postings[field.rawValue]
        var lists: [PostingList] = []
        for term in phrase.terms {
            guard let list = postings[term.term] else { return ScoredDocuments() }
            lists.append(list)
        }
        let idfs = phrase.terms.map { statistics.inverseDocumentFrequency($0.term, field: field) }
        let lengths = segment.fieldLengths[field.rawValue]
        var result = ScoredDocuments()
        if lists.count == 1 {
            let list = lists[0]
            result.documents = list.documents
            result.scores = (0..<list.count).map { entry in
                statistics.score(idf: idfs[0], frequency: list.frequencies[entry],
                                 length: lengths[Int(list.documents[entry])], field: field)
            }
            return result
        }
        var cursors = [Int](repeating: 0, count: lists.count)
        candidates: for (entry, document) in lists[0].documents.enumerated() {
            cursors[0] = entry
            for index in 1..<lists.count {
                let list = lists[index]
                while cursors[index] < list.count, list.documents[cursors[index]] < document { cursors[index] += 1 }
                if cursors[index] == list.count { break candidates }
                if list.documents[cursors[index]] != document { continue candidates }
            }
            guard containsPhrase(lists: lists, entries: cursors, offsets: phrase.terms.map(\.offset)) else { continue }
            let length = lengths[Int(document)]
            var score = 0.0
            for index in 0..<lists.count {
                score += statistics.score(idf: idfs[index], frequency: lists[index].frequencies[cursors[index]],
                                          length: length, field: field)
            }
            result.append(document, score)
        }
        return result
    }

    /// Whether the terms occur at their offsets from one common start position.
    private func containsPhrase(lists: [PostingList], entries: [Int], offsets: [Int]) -> Bool {
        let others = (1..<lists.count).map { Set(lists[$0].positions(at: entries[$0])) }
        for start in lists[0].positions(at: entries[0]) {
            let base = Int(start) - offsets[0]
            if others.indices.allSatisfy({ others[$0].contains(UInt32(clamping: base + offsets[$0 + 1])) }) {
                return true
            }
        }
        return false
    }

    private func matches(prefix: String) -> ScoredDocuments {
        var best = [Double](repeating: 0, count: segment.count)
        var seen = Bitset(count: segment.count)
        for field in SearchField.allCases {
            let postings = segment.postings[field.rawValue]
            var terms = Array(segment.terms(of: field, startingWith: prefix))
            // The index holds stems: "managi" is typed on the way to "managing", stored as "manag".
            for cut in 1...4 where prefix.count - cut >= 4 {
                let truncated = String(prefix.dropLast(cut))
                if postings[truncated] != nil { terms.append(truncated) }
            }
            let score = field.weight * ScoringStatistics.prefixScore
            for term in terms {
                guard let list = postings[term] else { continue }
                for document in list.documents {
                    seen.insert(Int(document))
                    best[Int(document)] = max(best[Int(document)], score)
                }
            }
        }
        var result = ScoredDocuments()
        for document in 0..<segment.count where seen.contains(document) {
            result.append(UInt32(document), best[document])
        }
        return result
    }
}
