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
    var appliedSequence: Int64 = 0
    /// The highest row id ever indexed; cursors pin it so later postings do not enter a walk.
    var highestRowID: Int64 = 0
    /// Documents in all segments that are not deleted.
    private(set) var liveCount = 0

    /// The last segment number handed out; numbers are never reused, so a file name means one segment.
    var lastSegmentNumber = 0

    mutating func takeSegmentNumber() -> Int {
        lastSegmentNumber += 1
        return lastSegmentNumber
    }

    /// Adds a segment with the documents of it already deleted.
    mutating func append(_ segment: Segment, number: Int, deleted: Bitset? = nil) {
        segments.append(segment)
        segmentNumbers.append(number)
        lastSegmentNumber = max(lastSegmentNumber, number)
        self.deleted.append(deleted)
        liveCount += segment.count - (deleted?.cardinality ?? 0)
        highestRowID = max(highestRowID, segment.highestRowID)
    }

    /// Where the live version of a row is, if it is indexed. A row id can be in several segments
    /// (older versions are deleted), so the segments are asked newest first and deletions checked.
    /// There is no map of every row: copying one per write would cost more than these few lookups.
    func address(of rowID: Int64) -> DocumentAddress? {
        guard rowID <= highestRowID else { return nil }
        for index in segments.indices.reversed() {
            guard let document = segments[index].document(withRowID: rowID) else { continue }
            if deleted[index]?.contains(document) ?? false { continue }
            return DocumentAddress(segment: index, document: document)
        }
        return nil
    }

    /// Marks a live document deleted.
    mutating func delete(_ address: DocumentAddress) {
        var set = deleted[address.segment] ?? Bitset(count: segments[address.segment].count)
        guard !set.contains(address.document) else { return }
        set.insert(address.document)
        deleted[address.segment] = set
        liveCount -= 1
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
