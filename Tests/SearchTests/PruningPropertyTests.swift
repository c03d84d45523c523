import Domain
import Foundation
import JobPostings
import Testing
@testable import Search

/// Skipping the scoring of documents that cannot make the page must never change the page.
@Suite("Top-k pruning")
struct PruningPropertyTests {
    static let words = ["engineer", "data", "senior", "nurse", "manager", "sales", "python", "swift", "care", "project",
                        "lead", "support", "team", "remote", "analyst", "design", "cloud", "build", "night", "shift"]

    static func corpus(seed: UInt64, count: Int) -> [JobPosting] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { number in
            let title = (0..<Int(1 + random.next() % 3)).map { _ in random.pick(words) }.joined(separator: " ")
            let description = (0..<Int(5 + random.next() % 40)).map { _ in random.pick(words) }.joined(separator: " ")
            return TestCorpus.posting("p\(number)", title: title, description: description,
                                      company: random.pick(["Acme", "Northwind", "Data Corp", "Swift Care"]),
                                      location: random.pick(["Berlin, Germany", "Paris, France"]),
                                      postedDaysAgo: Double(random.next() % 20))
        }
    }

    @Test("pruned and exhaustive scoring return the same top 20, by relevance and by date", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func sameTopK(seed: UInt64) throws {
        let postings = Self.corpus(seed: seed, count: 600)
        let index = InvertedJobSearchIndex(maximumSegments: 4)
        for start in stride(from: 0, to: postings.count, by: 150) {
            let batch = Array(postings[start..<min(start + 150, postings.count)])
            index.apply(TestCorpus.changes(batch, firstRow: Int64(start + 1), firstSequence: Int64(start + 1)))
        }
        var random = SplitMix64(seed: seed &* 31)
        // Rewrite some rows in no particular order: their segment's row ids do not ascend.
        let rewritten = (0..<40).map { _ in Int(random.next() % UInt64(postings.count)) }
        index.apply(rewritten.enumerated().map { offset, row in
            var posting = postings[row]
            posting.title += " " + random.pick(Self.words)
            return JobPostingChange(sequence: Int64(postings.count + 1 + offset),
                                    stored: StoredJobPosting(rowID: Int64(row + 1), posting: posting))
        })
        for _ in 0..<40 {
            var parts = (0..<Int(1 + random.next() % 3)).map { _ in random.pick(Self.words) }
            if random.next() % 4 == 0 { parts.append(String(random.pick(Self.words).prefix(3)) + "*") }
            if random.next() % 4 == 0 { parts.append("\"\(random.pick(Self.words)) \(random.pick(Self.words))\"") }
            if random.next() % 5 == 0 { parts.append("-\(random.pick(Self.words))") }
            var query = JobSearchQuery(text: parts.joined(separator: " "), limit: 20)
            if random.next() % 3 == 0 { query.locations = ["berlin"] }
            if random.next() % 3 == 0 { query.sort = .date }
            // No words at all: every visible posting, newest first.
            if random.next() % 8 == 0 { query.text = "" }
            let pruned = try index.search(query, now: TestCorpus.now)
            let exhaustive = try index.searchScoringEverything(query, now: TestCorpus.now)
            #expect(pruned.rowIDs == exhaustive.rowIDs, "\(query.text)")
            #expect(pruned.total == exhaustive.total)
            #expect(pruned.facets == exhaustive.facets)
        }
    }

    @Test("newest first keeps the lowest row ids among equal dates, whatever order a segment holds its rows in")
    func dateTiesGoToLowerRowIDs() throws {
        // 300 postings of two dates in one batch, row ids descending: the lowest row ids of the newest
        // date lie in the segment's last words, which a page already full of that date must still read.
        let postings = (0..<300).map { TestCorpus.posting("dated\($0)", title: "Welder", postedDaysAgo: $0 % 2 == 0 ? 1 : 2) }
        let index = InvertedJobSearchIndex()
        index.apply(postings.indices.map { offset in
            JobPostingChange(sequence: Int64(offset + 1),
                             stored: StoredJobPosting(rowID: Int64(300 - offset), posting: postings[offset]))
        })
        let expected = postings.indices.filter { $0 % 2 == 0 }.map { Int64(300 - $0) }.sorted().prefix(20)
        for text in ["", "welder"] {
            let page = try index.search(JobSearchQuery(text: text, sort: .date, limit: 20), now: TestCorpus.now)
            #expect(page.rowIDs == Array(expected), "\(text)")
        }
    }

    @Test("equal scores keep the lowest row ids, whatever order a segment holds its rows in")
    func tiesGoToLowerRowIDs() throws {
        let postings = (0..<30).map { TestCorpus.posting("same\($0)", title: "Developer", description: "Builds things.") }
        // One batch with row ids descending: the segment's documents run against row-id order.
        let index = InvertedJobSearchIndex()
        index.apply(postings.indices.map { offset in
            JobPostingChange(sequence: Int64(offset + 1),
                             stored: StoredJobPosting(rowID: Int64(30 - offset), posting: postings[offset]))
        })
        for text in ["developer", "dev*"] {
            let page = try index.search(JobSearchQuery(text: text, limit: 5), now: TestCorpus.now)
            #expect(page.rowIDs == [1, 2, 3, 4, 5], "\(text)")
        }
    }
}
