import Domain
import Foundation
import JobPostings
import Testing
@testable import Search

/// Facets and filters over columns with many values, as a real feed has (thousands of employers and
/// towns): a segment's counts are added from the values that came up, filters accept values by their
/// numbers, and the top values break ties by name.
@Suite("Many facet values")
struct ManyFacetValuesTests {
    /// Three hundred employers and a hundred and fifty places, most of them named once or twice.
    static func corpus(seed: UInt64) -> [JobPosting] {
        var random = SplitMix64(seed: seed)
        let companies = (0..<300).map { "Manyco \(String(UInt64($0) &* 2_654_435_761 % 100_000, radix: 36))" }
        let places = (0..<150).map { "Town \($0), \(["Bavaria", "New South Wales", "Île-de-France"][$0 % 3])" }
        return (0..<900).map { number in
            TestCorpus.posting(
                "many-\(number)", title: random.next() % 30 == 0 ? "Glassblower" : "Welder",
                company: random.pick(companies), location: random.pick(places),
                expiresInDays: random.next() % 15 == 0 ? -1 : 30)
        }
    }

    /// The top `FacetCounter.valuesPerFacet` by hand: most frequent first, ties in name order.
    static func top(_ values: [String]) -> [FacetCount] {
        let counts = values.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .prefix(FacetCounter.valuesPerFacet).map { FacetCount(value: $0.key, count: $0.value) }
    }

    @Test("top companies and locations equal a count by hand, for few results and for all", arguments: [7, 8] as [UInt64])
    func topValuesByHand(seed: UInt64) throws {
        let postings = Self.corpus(seed: seed)
        let index = InvertedJobSearchIndex(maximumSegments: 4)
        for start in stride(from: 0, to: postings.count, by: 300) {
            index.apply(TestCorpus.changes(Array(postings[start..<start + 300]), firstRow: Int64(start + 1),
                                           firstSequence: Int64(start + 1)))
        }
        let visible = postings.filter { ($0.expiresAt ?? .distantFuture) > TestCorpus.now }

        let all = try index.search(JobSearchQuery(), now: TestCorpus.now)
        #expect(all.facets.company == Self.top(visible.map(\.company)))
        #expect(all.facets.location == Self.top(visible.map(\.location)))

        // Few results: each segment counts a few dozen of its hundreds of values.
        let few = try index.search(JobSearchQuery(text: "glassblower"), now: TestCorpus.now)
        let glassblowers = visible.filter { $0.title == "Glassblower" }
        #expect(few.total == glassblowers.count)
        #expect(few.facets.company == Self.top(glassblowers.map(\.company)))
        #expect(few.facets.location == Self.top(glassblowers.map(\.location)))

        // A third of the segment: counted one by one, too many values to list.
        let bavarian = try index.search(JobSearchQuery(text: "welder", locations: ["bavaria"]), now: TestCorpus.now)
        let welders = visible.filter { $0.title == "Welder" }
        #expect(bavarian.facets.company == Self.top(welders.filter { $0.location.hasSuffix("Bavaria") }.map(\.company)))
        #expect(bavarian.facets.location == Self.top(welders.map(\.location)), "a facet leaves out its own filter")
    }

    @Test("a location filter accepts every place holding all its words, folded; a company filter the folded name")
    func filtersByNumber() throws {
        let postings = Self.corpus(seed: 9)
        let index = TestCorpus.index(postings, maximumSegments: 4)
        let visible = postings.filter { ($0.expiresAt ?? .distantFuture) > TestCorpus.now }

        let southWales = try index.search(JobSearchQuery(locations: ["NEW south wales"], limit: 1), now: TestCorpus.now)
        #expect(southWales.total == visible.filter { $0.location.hasSuffix("New South Wales") }.count)
        let ileDeFrance = try index.search(JobSearchQuery(locations: ["ile de france"], limit: 1), now: TestCorpus.now)
        #expect(ileDeFrance.total == visible.filter { $0.location.hasSuffix("Île-de-France") }.count)
        let eitherTown = try index.search(JobSearchQuery(locations: ["town 12", "Town 13"], limit: 1), now: TestCorpus.now)
        #expect(eitherTown.total == visible.filter { $0.location.hasPrefix("Town 12,") || $0.location.hasPrefix("Town 13,") }.count)
        let nowhere = try index.search(JobSearchQuery(locations: ["Atlantis"], limit: 1), now: TestCorpus.now)
        #expect(nowhere.total == 0)

        let company = visible[0].company
        let byCompany = try index.search(JobSearchQuery(companies: [company.uppercased()], limit: 1), now: TestCorpus.now)
        #expect(byCompany.total == visible.filter { $0.company == company }.count)
    }

    @Test("a name's sort key orders names as their bytes do wherever two keys differ")
    func sortKeysFollowByteOrder() {
        var random = SplitMix64(seed: 11)
        let alphabet = Array("aAbz 0é-Ω")
        let names = (0..<400).map { _ in String((0..<Int(random.next() % 12)).map { _ in random.pick(alphabet) }) }
        for (first, second) in zip(names, names.dropFirst()) {
            let (a, b) = (FacetValueNames.sortKey(first), FacetValueNames.sortKey(second))
            guard a != b else { continue }
            #expect((a < b) == first.utf8.lexicographicallyPrecedes(second.utf8), "\(first) / \(second)")
        }
    }
}
