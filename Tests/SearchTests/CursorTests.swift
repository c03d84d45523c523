import Domain
import Foundation
import JobPostings
import Testing
@testable import Search

@Suite("Cursor paging")
struct CursorTests {
    /// 250 postings with few distinct scores, so ties across page boundaries are common.
    static func corpus(_ count: Int, offset: Int = 0) -> [JobPosting] {
        (0..<count).map { number in
            let n = number + offset
            return TestCorpus.posting(
                "c\(n)", title: n % 3 == 0 ? "Software Engineer" : "Engineer",
                description: String(repeating: "engineer ", count: n % 4 + 1) + "team",
                postedDaysAgo: Double(n % 7)
            )
        }
    }

    func walk(_ index: InvertedJobSearchIndex, _ query: JobSearchQuery, between: (Int) -> Void = { _ in }) throws -> [Int64] {
        var seen: [Int64] = []
        var query = query
        var page = 0
        while true {
            let result = try index.search(query, now: TestCorpus.now)
            seen += result.rowIDs
            between(page)
            page += 1
            guard let next = result.nextCursor else { return seen }
            query.cursor = next
        }
    }

    @Test("walking every page returns every match exactly once", arguments: [JobSearchSort.relevance, .date])
    func completeWalk(sort: JobSearchSort) throws {
        let index = TestCorpus.index(Self.corpus(250))
        let rows = try walk(index, JobSearchQuery(text: "engineer", sort: sort, limit: 7))
        #expect(rows.count == 250)
        #expect(Set(rows).count == 250)
    }

    @Test("pages stay stable while new postings arrive between them", arguments: [JobSearchSort.relevance, .date])
    func stableWhileImporting(sort: JobSearchSort) throws {
        let index = TestCorpus.index(Self.corpus(200))
        let expected = try walk(index, JobSearchQuery(text: "engineer", sort: sort, limit: 9))
        var nextRow: Int64 = 201
        let rows = try walk(index, JobSearchQuery(text: "engineer", sort: sort, limit: 9)) { page in
            // Thirty new matching postings (some with better scores) after every page.
            let added = Self.corpus(30, offset: Int(nextRow))
            index.apply(TestCorpus.changes(added, firstRow: nextRow, firstSequence: nextRow))
            nextRow += 30
        }
        #expect(rows == expected)
    }

    @Test("a tampered, foreign or garbage cursor is a 400 problem naming the cursor")
    func badCursors() throws {
        let index = TestCorpus.index(Self.corpus(50))
        let first = try index.search(JobSearchQuery(text: "engineer", limit: 5), now: TestCorpus.now)
        let cursor = try #require(first.nextCursor)
        var tampered = Array(cursor)
        tampered[10] = tampered[10] == "A" ? "B" : "A"
        for bad in [String(tampered), "not-a-cursor", "", "AAAA"] where !bad.isEmpty {
            #expect(throws: DomainError.self) {
                try index.search(JobSearchQuery(text: "engineer", limit: 5, cursor: bad), now: TestCorpus.now)
            }
        }
        do {
            _ = try index.search(JobSearchQuery(text: "software", limit: 5, cursor: cursor), now: TestCorpus.now)
            Issue.record("a cursor of another query was accepted")
        } catch let DomainError.badRequest(_, fields) {
            #expect(fields.map(\.field) == ["cursor"])
        }
    }

    @Test("segments merge without changing results")
    func merging() throws {
        let postings = Self.corpus(120)
        let merged = InvertedJobSearchIndex(maximumSegments: 3)
        for start in stride(from: 0, to: 120, by: 10) {
            merged.apply(TestCorpus.changes(Array(postings[start..<start + 10]), firstRow: Int64(start + 1), firstSequence: Int64(start + 1)))
        }
        #expect(merged.segmentCount <= 3)
        let single = TestCorpus.index(postings)
        for text in ["engineer", "software", "\"software engineer\"", "team -software", "engin*"] {
            let query = JobSearchQuery(text: text, limit: 100)
            #expect(try merged.search(query, now: TestCorpus.now).rowIDs == single.search(query, now: TestCorpus.now).rowIDs, "\(text)")
        }
    }

    @Test("updates replace the old version; closing removes it")
    func updates() throws {
        let index = TestCorpus.index()
        var changed = TestCorpus.postings[3]
        changed.title = "Head Nurse"
        index.apply([JobPostingChange(sequence: 100, stored: StoredJobPosting(rowID: 4, posting: changed))])
        #expect(try index.search(JobSearchQuery(text: "registered"), now: TestCorpus.now).total == 0)
        #expect(try index.search(JobSearchQuery(text: "head nurse"), now: TestCorpus.now).rowIDs == [4])
        changed.status = .closed
        index.apply([JobPostingChange(sequence: 101, stored: StoredJobPosting(rowID: 4, posting: changed))])
        #expect(try index.search(JobSearchQuery(text: "nurse"), now: TestCorpus.now).total == 0)
        #expect(index.appliedSequence == 101)
        // A change the index has already applied is not applied again.
        index.apply([JobPostingChange(sequence: 50, stored: StoredJobPosting(rowID: 4, posting: TestCorpus.postings[3]))])
        #expect(try index.search(JobSearchQuery(text: "nurse"), now: TestCorpus.now).total == 0)
    }

    @Test("a cursor reads back exactly, and no cut or flipped byte of it decodes (checksum and bounds)")
    func codec() throws {
        let statistics = ScoringStatistics(documentCount: 1_234, averageLengths: [3.5, 1.25, 180.0],
                                           documentFrequencies: ["engin": [10, 0, 400], "zürich": [0, 0, 7]])
        let cursor = SearchCursor(horizon: 99, statistics: statistics, lastScore: 12.75, lastRowID: 42)
        let text = cursor.encoded(fingerprint: 7)
        #expect(try SearchCursor.decode(text, fingerprint: 7) == cursor)
        #expect(throws: DomainError.self) { try SearchCursor.decode(text, fingerprint: 8) }
        let byDate = SearchCursor(horizon: 5, lastPostedAt: 1_700_000_000, lastRowID: 3)
        #expect(try SearchCursor.decode(byDate.encoded(fingerprint: 1), fingerprint: 1) == byDate)
        for length in 0..<text.count {
            #expect(throws: DomainError.self) { try SearchCursor.decode(String(text.prefix(length)), fingerprint: 7) }
        }
    }
}
