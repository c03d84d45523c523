import Foundation
import JobPostings
import Synchronization

/// Wayfinder's own job search engine: segments of postings lists with positions, BM25 over title,
/// company and description, keyword and numeric columns for filters and facets.
///
/// Searches read an immutable snapshot and never wait for the writer; `apply` builds a new segment
/// for a batch of changes, marks replaced documents deleted and publishes the next snapshot at once.
public final class InvertedJobSearchIndex: JobSearchIndex {
    private let current = Mutex(IndexSnapshot())
    /// Serializes writers; readers only take `current` for the instant it takes to copy a snapshot.
    private let writer = Mutex(())
    private let analyzer = Analyzer()
    /// Above this many segments, the smallest are merged so searches visit few segments.
    public let maximumSegments: Int

    public init(maximumSegments: Int = 8) {
        self.maximumSegments = maximumSegments
    }

    public var appliedSequence: Int64 { snapshot.appliedSequence }
    public var documentCount: Int { snapshot.liveCount }
    public var segmentCount: Int { snapshot.segments.count }

    var snapshot: IndexSnapshot { current.withLock { $0 } }

    public func search(_ query: JobSearchQuery, now: Date) throws -> JobSearchMatches {
        try SearchExecutor(snapshot: snapshot, parser: QueryParser(analyzer: analyzer)).run(query, now: now)
    }

    public func highlights(for posting: JobPosting, query: JobSearchQuery) -> JobHighlights {
        let parsed = QueryParser(analyzer: analyzer).parse(query.text)
        let highlighter = Highlighter(analyzer: analyzer)
        return JobHighlights(
            title: highlighter.title(posting.title, query: parsed),
            description: highlighter.snippet(posting.description, query: parsed)
        )
    }

    public func apply(_ changes: [JobPostingChange]) {
        guard !changes.isEmpty else { return }
        writer.withLock { _ in
            var next = snapshot
            // Only the last state of each posting in the batch matters.
            var latest: [Int64: JobPosting] = [:]
            var order: [Int64] = []
            for change in changes where change.sequence > next.appliedSequence {
                if latest.updateValue(change.stored.posting, forKey: change.stored.rowID) == nil {
                    order.append(change.stored.rowID)
                }
            }
            var documents: [IndexedDocument] = []
            for rowID in order {
                if let address = next.addresses.removeValue(forKey: rowID) {
                    Self.markDeleted(address, in: &next)
                }
                guard let posting = latest[rowID], posting.status == .open else { continue }
                documents.append(IndexedDocument(rowID: rowID, posting: posting))
            }
            if !documents.isEmpty {
                let segment = SegmentBuilder(analyzer: analyzer).build(documents)
                Self.add(segment, to: &next)
            }
            next.appliedSequence = max(next.appliedSequence, changes.last?.sequence ?? 0)
            if next.segments.count > maximumSegments { mergeSmallest(&next) }
            let published = next
            current.withLock { $0 = published }
        }
    }

    private static func markDeleted(_ address: DocumentAddress, in snapshot: inout IndexSnapshot) {
        var deleted = snapshot.deleted[address.segment] ?? Bitset(count: snapshot.segments[address.segment].count)
        deleted.insert(address.document)
        snapshot.deleted[address.segment] = deleted
    }

    private static func add(_ segment: Segment, to snapshot: inout IndexSnapshot) {
        let number = snapshot.segments.count
        snapshot.segments.append(segment)
        snapshot.deleted.append(nil)
        for (document, rowID) in segment.rowIDs.enumerated() {
            snapshot.addresses[rowID] = DocumentAddress(segment: number, document: document)
            snapshot.highestRowID = max(snapshot.highestRowID, rowID)
        }
    }

    /// Merges the smaller segments into one, leaving the largest few alone (a tiered policy:
    /// big segments are rewritten rarely, small ones often and cheaply).
    private func mergeSmallest(_ snapshot: inout IndexSnapshot) {
        let bySize = snapshot.segments.indices.sorted { snapshot.segments[$0].count < snapshot.segments[$1].count }
        let chosen = Set(bySize.prefix(max(2, snapshot.segments.count - maximumSegments / 2)))
        let merged = SegmentBuilder(analyzer: analyzer).merge(
            snapshot.segments.indices.filter(chosen.contains).map { (snapshot.segments[$0], snapshot.deleted[$0]) }
        )
        var rebuilt = IndexSnapshot()
        rebuilt.appliedSequence = snapshot.appliedSequence
        rebuilt.highestRowID = snapshot.highestRowID
        for index in snapshot.segments.indices where !chosen.contains(index) {
            let number = rebuilt.segments.count
            rebuilt.segments.append(snapshot.segments[index])
            rebuilt.deleted.append(snapshot.deleted[index])
            for (document, rowID) in snapshot.segments[index].rowIDs.enumerated()
            where !(snapshot.deleted[index]?.contains(document) ?? false) {
                rebuilt.addresses[rowID] = DocumentAddress(segment: number, document: document)
            }
        }
        if merged.count > 0 { Self.add(merged, to: &rebuilt) }
        snapshot = rebuilt
    }
}

extension InvertedJobSearchIndex {
    /// Memory held by postings and columns (not counting string and dictionary overhead).
    public var estimatedBytes: Int {
        snapshot.segments.reduce(0) { total, segment in
            var bytes = segment.count * (8 * 5 + 4 * 5 + 2 * SearchField.allCases.count)
            for field in segment.fields {
                bytes += field.terms.reduce(0) { $0 + $1.utf8.count + 16 } + field.termStarts.count * 4
                    + field.documents.count * 5 + field.positions.count + field.checkpoints.count * 8
                    + field.maxFrequency.count * 3
            }
            return total + bytes
        }
    }
}
