import Domain
import Foundation
@testable import Search
import TestPeers
import Testing

/// The block-packed postings against plain lists: whatever the gaps, frequencies and block
/// boundaries, a cursor sees exactly the entries that were written, and skips to the right one.
@Suite("Posting cursor")
struct PostingCursorTests {
    struct Entry: Equatable {
        var document: UInt32
        var positions: [UInt32]
    }

    /// Terms of awkward sizes (one entry, a block less one, a block, a block and one, many blocks),
    /// with runs of consecutive documents (zero gaps), far jumps and up to 255 positions.
    static func lists(seed: UInt64, documentCount: Int) -> [[Entry]] {
        var random = SplitMix64(seed: seed)
        return [1, 2, 127, 128, 129, 300, 1_000].map { size in
            var documents = Set<UInt32>()
            while documents.count < size {
                let dense = random.next() % 3 == 0
                let start = UInt32(random.next() % UInt64(documentCount))
                for step in 0..<(dense ? 20 : 1) where documents.count < size && Int(start) + step < documentCount {
                    documents.insert(start + UInt32(step))
                }
            }
            return documents.sorted().map { document in
                let count = random.next() % 10 == 0 ? Int(random.next() % 255) + 1 : Int(random.next() % 3) + 1
                var position: UInt32 = 0
                let positions = (0..<count).map { _ in
                    position += UInt32(random.next() % (random.next() % 4 == 0 ? 300 : 3))
                    return position
                }
                return Entry(document: document, positions: positions)
            }
        }
    }

    static func postings(_ lists: [[Entry]], documentCount: Int) -> FieldPostings {
        var writer = PostingsWriter()
        let lengths = [UInt16](repeating: 10, count: documentCount)
        lengths.withUnsafeBufferPointer { lengths in
            for (number, list) in lists.enumerated() {
                for entry in list {
                    for position in entry.positions { writer.addOccurrence(document: entry.document, position: position) }
                }
                writer.finishTerm(String(format: "term%04d", number).utf8, lengths: lengths)
            }
        }
        return writer.finish()
    }

    static func positions(_ cursor: PostingCursor) -> [UInt32] {
        var offset = cursor.positionsOffset()
        var position: UInt32 = 0
        return (0..<cursor.frequency).map { _ in
            position &+= Varint.read(cursor.bytes, at: &offset)
            return position
        }
    }

    @Test("a walk entry by entry gives back every document with its positions", arguments: [1, 2] as [UInt64])
    func walkGivesBackEntries(seed: UInt64) {
        let lists = Self.lists(seed: seed, documentCount: 5_000)
        let postings = Self.postings(lists, documentCount: 5_000)
        for (term, list) in lists.enumerated() {
            let cursor = PostingCursor(postings: postings, term: term)
            var read: [Entry] = []
            while cursor.document != PostingCursor.exhausted {
                read.append(Entry(document: cursor.document, positions: Self.positions(cursor)))
                cursor.next()
            }
            #expect(read == list, "term \(term)")
            #expect(postings.entries(of: term).count == list.count)
            #expect(Int(postings.maxFrequency[term]) == list.map(\.positions.count).max())
        }
    }

    @Test("advancing lands on the first document at or after the target", arguments: [3, 4] as [UInt64])
    func advanceLandsOnFirstAtOrAfter(seed: UInt64) {
        let lists = Self.lists(seed: seed, documentCount: 20_000)
        let postings = Self.postings(lists, documentCount: 20_000)
        var random = SplitMix64(seed: seed &* 31)
        for (term, list) in lists.enumerated() {
            for _ in 0..<20 {
                let cursor = PostingCursor(postings: postings, term: term)
                var target: UInt32 = 0
                while true {
                    target += UInt32(random.next() % (random.next() % 2 == 0 ? 40 : 4_000))
                    cursor.advance(to: target)
                    guard let expected = list.first(where: { $0.document >= target }) else {
                        #expect(cursor.document == PostingCursor.exhausted)
                        break
                    }
                    #expect(cursor.document == expected.document)
                    #expect(Self.positions(cursor) == expected.positions)
                    target = cursor.document
                }
            }
        }
    }

    @Test("a block's skip entry is found without decoding and bounds every entry in it", arguments: [5, 6] as [UInt64])
    func skipEntriesBoundTheirBlocks(seed: UInt64) {
        let lists = Self.lists(seed: seed, documentCount: 20_000)
        let postings = Self.postings(lists, documentCount: 20_000)
        for (term, list) in lists.enumerated() {
            let cursor = PostingCursor(postings: postings, term: term)
            guard cursor.hasSkipEntries else {
                #expect(list.count <= FieldPostings.blockSize)
                continue
            }
            for (ordinal, entry) in list.enumerated() {
                let block = ordinal / FieldPostings.blockSize
                #expect(cursor.block(endingAtOrAfter: entry.document, after: -1) == block, "term \(term), entry \(ordinal)")
                #expect(cursor.lastDocument(ofBlock: block) >= entry.document)
                #expect(Int(cursor.bounds(ofBlock: block).maxFrequency) >= min(entry.positions.count, 255))
                #expect(cursor.bounds(ofBlock: block).minLength == 10)
            }
            #expect(cursor.block(endingAtOrAfter: list[list.count - 1].document + 1, after: -1) == nil)
        }
    }

    @Test("terms sort by their bytes and are found by them, accents included")
    func termsSortByBytes() {
        let terms = ["zoo", "école", "eco", "ecole", "Émile", "c++", "c#"]
        var writer = PostingsWriter()
        let lengths: [UInt16] = [1]
        lengths.withUnsafeBufferPointer { lengths in
            for term in terms.sorted(by: TermOrder.less) {
                writer.addOccurrence(document: 0, position: 0)
                writer.finishTerm(term.utf8, lengths: lengths)
            }
        }
        let postings = writer.finish()
        #expect((0..<postings.termCount).map(postings.term) == terms.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for term in terms { #expect(postings.find(term).map(postings.term) == term) }
        #expect(postings.find("ecol") == nil)
        #expect(postings.terms(startingWith: "ec").map(postings.term) == ["eco", "ecole"])
    }

    @Test("a segment mapped from its file reads the postings it was written with, in place")
    func mappedSegmentReadsInPlace() throws {
        let segment = PhraseScanTests.segment(PhraseScanTests.documents(seed: 5))
        let url = Scratch.root.appendingPathComponent("wayfinder-segment-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try SegmentFile.encode(segment).write(to: url)
        let mapped = try SegmentFile.decode(mapped: MappedFile.map(url))
        #expect(mapped.count == segment.count)
        for field in SearchField.allCases { #expect(mapped.postings(field) == segment.postings(field), "\(field)") }
    }
}
