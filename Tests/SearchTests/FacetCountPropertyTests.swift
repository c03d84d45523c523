import Domain
import Foundation
import JobPostings
import Testing
@testable import Search

/// Location and company facets against counting by hand, over corpora where a filter leaves most of a
/// segment (counted as the segment's totals less what is left out) or little of it (counted one
/// document at a time), with closed, expired and replaced postings in the segments.
@Suite("Facet counts")
struct FacetCountPropertyTests {
    static let locations = ["Berlin, Germany", "Paris, France", "Lyon, France", "Toronto, Canada", "Remote"]
    static let companies = ["Acme", "Bluepeak", "Northwind", "Aurora"]

    @Test("location and company counts equal a count by hand, with and without each other's filter",
          arguments: [31, 32, 33] as [UInt64])
    func countsByHand(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var postings = (0..<600).map { number in
            TestCorpus.posting(
                "\(number)", title: "Welder", company: random.pick(Self.companies), location: random.pick(Self.locations),
                expiresInDays: random.next() % 10 == 0 ? -1 : 30, status: random.next() % 12 == 0 ? .closed : .open)
        }
        let index = InvertedJobSearchIndex(maximumSegments: 4)
        index.apply(TestCorpus.changes(Array(postings.prefix(300)), firstRow: 1, firstSequence: 1))
        index.apply(TestCorpus.changes(Array(postings.dropFirst(300)), firstRow: 301, firstSequence: 301))
        // Replace some postings of the first segment: their old versions stay there, deleted.
        for row in stride(from: 0, to: 300, by: 7) {
            postings[row].location = random.pick(Self.locations)
            index.apply([JobPostingChange(sequence: 1_000 + Int64(row), stored: StoredJobPosting(rowID: Int64(row + 1), posting: postings[row]))])
        }
        let visible = postings.filter { $0.status == .open && ($0.expiresAt ?? .distantFuture) > TestCorpus.now }
        func counts(_ values: [String]) -> [String: Int] { values.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        func facet(_ facet: [FacetCount]) -> [String: Int] { Dictionary(uniqueKeysWithValues: facet.map { ($0.value, $0.count) }) }
        let inFrance = { (posting: JobPosting) in posting.location.hasSuffix("France") }

        let all = try index.search(JobSearchQuery(), now: TestCorpus.now)
        #expect(facet(all.facets.location) == counts(visible.map(\.location)))
        #expect(facet(all.facets.company) == counts(visible.map(\.company)))

        let france = try index.search(JobSearchQuery(locations: ["france"]), now: TestCorpus.now)
        #expect(france.total == visible.filter(inFrance).count)
        #expect(facet(france.facets.location) == counts(visible.map(\.location)), "a facet leaves out its own filter")
        #expect(facet(france.facets.company) == counts(visible.filter(inFrance).map(\.company)))

        let acmeInFrance = try index.search(JobSearchQuery(locations: ["france"], companies: ["Acme"]), now: TestCorpus.now)
        #expect(acmeInFrance.total == visible.filter { inFrance($0) && $0.company == "Acme" }.count)
        #expect(facet(acmeInFrance.facets.location) == counts(visible.filter { $0.company == "Acme" }.map(\.location)))
        #expect(facet(acmeInFrance.facets.company) == counts(visible.filter(inFrance).map(\.company)))
    }
}
