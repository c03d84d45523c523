/// Where a live document sits: which segment, which number inside it.
struct DocumentAddress: Sendable, Equatable {
    var segment: Int
    var document: Int
}

/// One consistent view of the index. Searches take a snapshot and never see a half-applied change;
/// the writer publishes a new snapshot when a batch of changes is in.
struct IndexSnapshot: Sendable {
    var segments: [Segment] = []
    /// `segmentNumbers[segment]`: the segment's lasting number, which names its file.
    var segmentNumbers: [Int] = []
    /// `deleted[segment]`: documents replaced or removed since the segment was built.
    var deleted: [Bitset?] = []
    var addresses: [Int64: DocumentAddress] = [:]
    var appliedSequence: Int64 = 0
    /// The highest row id ever indexed; cursors pin it so later postings do not enter a walk.
    var highestRowID: Int64 = 0

    var liveCount: Int { addresses.count }

    /// The last segment number handed out; numbers are never reused, so a file name means one segment.
    var lastSegmentNumber = 0

    mutating func takeSegmentNumber() -> Int {
        lastSegmentNumber += 1
        return lastSegmentNumber
    }

    /// Adds a segment and the addresses of its live documents.
    mutating func append(_ segment: Segment, number: Int, deleted: Bitset? = nil) {
        let index = segments.count
        segments.append(segment)
        segmentNumbers.append(number)
        lastSegmentNumber = max(lastSegmentNumber, number)
        self.deleted.append(deleted)
        for (document, rowID) in segment.rowIDs.enumerated() where !(deleted?.contains(document) ?? false) {
            addresses[rowID] = DocumentAddress(segment: index, document: document)
            highestRowID = max(highestRowID, rowID)
        }
    }

    /// Collection statistics for BM25, counted over the segments (deleted documents included, as
    /// in most engines: exact enough for ranking and free to maintain).
    func statistics(for terms: Set<String>) -> ScoringStatistics {
        var stored = 0
        var lengths = [Int](repeating: 0, count: SearchField.allCases.count)
        for segment in segments {
            stored += segment.count
            for field in SearchField.allCases { lengths[field.rawValue] += segment.totalFieldLengths[field.rawValue] }
        }
        var frequencies: [String: [Int]] = [:]
        for term in terms {
            frequencies[term] = SearchField.allCases.map { field in
                segments.reduce(0) { total, segment in
                    let postings = segment.postings(field)
                    return total + (postings.find(term).map { postings.entries(of: $0).count } ?? 0)
                }
            }
        }
        return ScoringStatistics(
            documentCount: max(liveCount, 1),
            averageLengths: lengths.map { stored > 0 ? max(Double($0) / Double(stored), 1) : 1 },
            documentFrequencies: frequencies
        )
    }
}
