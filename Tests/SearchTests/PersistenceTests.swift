import Foundation
import JobPostings
@testable import Search
import TestPeers
import Testing

@Suite("Index persistence")
struct PersistenceTests {
    static func temporaryDirectory() -> URL {
        Scratch.root.appendingPathComponent("wayfinder-index-\(UUID().uuidString)")
    }

    static let queries = [
        JobSearchQuery(text: "engineer", limit: 50), JobSearchQuery(text: "\"project manager\"", limit: 50),
        JobSearchQuery(text: "manag*", limit: 50), JobSearchQuery(locations: ["berlin"], limit: 50),
        JobSearchQuery(minSalary: 50_000, limit: 50),
    ]

    static func results(_ index: InvertedJobSearchIndex) throws -> [JobSearchMatches] {
        try queries.map { try index.search($0, now: TestCorpus.now) }
    }

    @Test("a saved index loads back with the same answers and resume point")
    func roundTrip() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (index, outcome) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        #expect(outcome == .empty)
        index.apply(TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1))
        var closed = TestCorpus.postings[0]
        closed.status = .closed
        index.apply([JobPostingChange(sequence: 50, stored: StoredJobPosting(rowID: 1, posting: closed))])
        #expect(try index.persist())
        #expect(try index.persist() == false)

        let (loaded, loadedOutcome) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        #expect(loadedOutcome == .loaded(postings: 10, appliedSequence: 50))
        #expect(try Self.results(loaded) == Self.results(index))
    }

    @Test("a crash between writing segments and the manifest loses nothing: the feed is replayed")
    func crashBeforeManifest() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1)
        let (index, _) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        index.apply(Array(all[0..<6]))
        try index.persist()
        index.apply(Array(all[6...]))
        #expect(throws: (any Error).self) { try index.persist(failBeforeManifest: true) }

        let (restarted, outcome) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        #expect(outcome == .loaded(postings: 6, appliedSequence: 6))
        // What a follower does after a restart: replay the feed after the committed sequence.
        restarted.apply(all.filter { $0.sequence > restarted.appliedSequence })
        #expect(try Self.results(restarted) == Self.results(index))
        // The next commit removes the files the crashed commit left behind.
        try restarted.persist()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        #expect(names.filter { $0.hasSuffix(".wfseg") }.count == restarted.segmentCount)
    }

    @Test("a corrupt segment file is discarded, never served", arguments: [0, 100, -9])
    func corruptFile(offset: Int) throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (index, _) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        index.apply(TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1))
        try index.persist()
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".wfseg") })
        let url = directory.appendingPathComponent(segment)
        var bytes = try Data(contentsOf: url)
        let position = offset >= 0 ? offset : bytes.count + offset
        bytes[position] ^= 0x5A
        try bytes.write(to: url)

        let (reopened, outcome) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        guard case .discarded = outcome else { Issue.record("corrupt index was used: \(outcome)"); return }
        #expect(reopened.documentCount == 0)
        #expect(reopened.appliedSequence == 0)
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test("a truncated file and a manifest of another database are discarded too")
    func truncatedAndForeign() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (index, _) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        index.apply(TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1))
        try index.persist()
        let (foreign, foreignOutcome) = InvertedJobSearchIndex.open(directory: directory, source: "db-2")
        guard case .discarded = foreignOutcome else { Issue.record("another database's index was used"); return }
        #expect(foreign.documentCount == 0)

        let (again, _) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        again.apply(TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1))
        try again.persist()
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".wfseg") })
        let url = directory.appendingPathComponent(segment)
        try Data(contentsOf: url).prefix(40).write(to: url)
        let (_, truncatedOutcome) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        guard case .discarded = truncatedOutcome else { Issue.record("truncated index was used"); return }
    }

    @Test("each posting's stated salary sides come back as built after saving, loading and merging: both, minimum or maximum only, neither")
    func salarySidesRoundTrip() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sides: [(Int?, Int?)] = [(50_000, 70_000), (40_000, nil), (nil, 90_000), (nil, nil), (0, 0)]
        let postings = sides.enumerated().map { TestCorpus.posting("s\($0.offset)", title: "Welder", salary: $0.element) }
        func stated(_ index: InvertedJobSearchIndex) -> [Int64: [Int64]] {
            var byRow: [Int64: [Int64]] = [:]
            for segment in index.snapshot.segments {
                for document in 0..<segment.count {
                    byRow[segment.rowIDs[document]] = [segment.minimumSalary(of: document), segment.maximumSalary(of: document)]
                }
            }
            return byRow
        }
        let expected = Dictionary(uniqueKeysWithValues: sides.enumerated().map { offset, side in
            (Int64(offset + 1), [side.0.map(Int64.init) ?? IndexedDocument.noSalary, side.1.map(Int64.init) ?? IndexedDocument.noSalary])
        })
        let (index, _) = InvertedJobSearchIndex.open(directory: directory, source: "db-1", maximumSegments: 1)
        index.apply(TestCorpus.changes(Array(postings.prefix(2)), firstRow: 1, firstSequence: 1))
        index.apply(TestCorpus.changes(Array(postings.dropFirst(2)), firstRow: 3, firstSequence: 3))
        #expect(index.segmentCount == 1, "the second batch is merged into the first")
        #expect(stated(index) == expected)
        #expect(try index.persist())
        let (loaded, _) = InvertedJobSearchIndex.open(directory: directory, source: "db-1")
        #expect(stated(loaded) == expected)
    }
}
