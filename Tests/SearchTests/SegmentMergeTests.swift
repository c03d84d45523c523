import Domain
import Testing
@testable import Search

/// Merging segments must give exactly the postings that building from the surviving documents gives,
/// whether a source is copied in runs (no deletions) or entry by entry (with deletions).
@Suite("Segment merge")
struct SegmentMergeTests {
    @Test("merged postings equal postings built from the live documents", arguments: [21, 22] as [UInt64])
    func mergeEqualsBuild(seed: UInt64) {
        let texts = PhraseScanTests.documents(seed: seed)
        var random = SplitMix64(seed: seed)
        let parts = [texts[0..<150], texts[150..<170], texts[170..<400]].map { Array($0) }
        // The middle part keeps everything; the others lose about a third of their documents.
        let deleted: [Set<Int>] = parts.enumerated().map { index, part in
            index == 1 ? [] : Set(part.indices.filter { _ in random.next() % 3 == 0 })
        }
        let sources = parts.enumerated().map { index, part -> (segment: Segment, deleted: Bitset?) in
            var set = Bitset(count: part.count)
            for document in deleted[index] { set.insert(document) }
            return (PhraseScanTests.segment(part), deleted[index].isEmpty ? nil : set)
        }
        let merged = SegmentBuilder(analyzer: Analyzer()).merge(sources)
        let live = parts.enumerated().flatMap { index, part in
            part.enumerated().filter { !deleted[index].contains($0.offset) }.map(\.element)
        }
        let built = PhraseScanTests.segment(live)
        #expect(merged.count == live.count)
        for field in SearchField.allCases {
            #expect(merged.postings(field) == built.postings(field), "\(field)")
        }
    }
}
