import Domain
import Foundation
import JobPostings
import Testing
@testable import Search

@Suite("Job search index")
struct JobSearchIndexTests {
    let index = TestCorpus.index()

    func ids(_ query: JobSearchQuery) throws -> [String] { try TestCorpus.ids(index, query) }
    func ids(_ text: String) throws -> [String] { try ids(JobSearchQuery(text: text)) }

    @Test("words are ANDed")
    func andSemantics() throws {
        #expect(Set(try ids("software engineer")) == ["1", "3"])
        #expect(try ids("software nurse").isEmpty)
    }

    @Test("stemming: engineers finds engineer")
    func stemming() throws {
        #expect(Set(try ids("engineers")) == Set(try ids("engineer")))
        #expect(Set(try ids("engineers")) == ["1", "2", "3", "11"])
    }

    @Test("quoted phrases need the words in order")
    func phrases() throws {
        #expect(try ids("\"project manager\"") == ["3"])
        #expect(try ids("\"manager project\"").isEmpty)
        #expect(Set(try ids("\"software engineer\"")) == ["1", "3"])
        #expect(try ids("\"engineer software\"").isEmpty)
    }

    @Test("excluded words remove matches")
    func exclusion() throws {
        #expect(Set(try ids("engineer -python")) == ["1", "3", "11"])
        #expect(Set(try ids("engineer -\"project manager\"")) == ["1", "2", "11"])
    }

    @Test("prefix* expands, including over stems")
    func prefixes() throws {
        #expect(Set(try ids("engin*")) == ["1", "2", "3", "11"])
        #expect(Set(try ids("managi*")) == Set(try ids("manag*")))
        #expect(Set(try ids("warehou*")) == ["8"])
    }

    @Test("case and accents do not matter")
    func folding() throws {
        #expect(try ids("CAFE") == ["12"])
        #expect(try ids("café") == ["12"])
        #expect(try ids("cafe") == ["12"])
    }

    @Test("programming names and compounds find each other")
    func compounds() throws {
        #expect(try ids("c++") == ["5"])
        #expect(try ids("C#") == ["5"])
        #expect(Set(try ids(".NET")) == ["7"])
        #expect(try ids("node.js") == ["5"])
        #expect(try ids("fullstack") == ["5"])
        #expect(try ids("full-stack") == ["5"])
        #expect(try ids("\"full stack\"") == ["5"])
        #expect(try ids("email") == ["6"])
        #expect(try ids("IT") == ["6"])
    }

    @Test("title matches rank above description matches")
    func titleRanksFirst() throws {
        let ranked = try ids("engineer")
        #expect(Array(ranked.prefix(2)).sorted() == ["1", "2"])
        #expect(ranked.firstIndex(of: "3")! > ranked.firstIndex(of: "1")!)
        #expect(try ids("manager").first.map { ["3", "12"].contains($0) } == true)
    }

    @Test("expired and closed postings are hidden")
    func expiredHidden() throws {
        let all = try ids(JobSearchQuery(limit: 100))
        #expect(!all.contains("9"))
        #expect(!all.contains("10"))
        #expect(all.count == 10)
        // The same posting is visible before its expiry.
        let before = try index.search(JobSearchQuery(text: "expired"), now: TestCorpus.now.addingTimeInterval(-3 * TestCorpus.day))
        #expect(before.total == 1)
    }

    @Test("filters: location, remote, company, type, provider, posted_after")
    func filters() throws {
        #expect(Set(try ids(JobSearchQuery(locations: ["berlin"]))) == ["1", "5", "7", "11"])
        #expect(Set(try ids(JobSearchQuery(locations: ["Munchen"]))) == ["2"])
        #expect(Set(try ids(JobSearchQuery(locations: ["berlin", "paris"]))) == ["1", "5", "6", "7", "11"])
        #expect(Set(try ids(JobSearchQuery(remote: true))) == ["2", "5", "11"])
        #expect(Set(try ids(JobSearchQuery(remote: false))).count == 7)
        #expect(Set(try ids(JobSearchQuery(companies: ["northwind"]))) == ["2", "6", "11"])
        #expect(Set(try ids(JobSearchQuery(companies: ["Cafe Creme"]))) == ["12"])
        #expect(Set(try ids(JobSearchQuery(employmentTypes: [.contract, .temporary]))) == ["5", "8"])
        #expect(try ids(JobSearchQuery(providers: ["other"])).isEmpty)
        #expect(try ids(JobSearchQuery(providers: ["TEST"])).count == 10)
        let cutoff = TestCorpus.now.addingTimeInterval(-3.5 * TestCorpus.day)
        #expect(Set(try ids(JobSearchQuery(postedAfter: cutoff))) == ["1", "2", "3"])
    }

    @Test("posted_after keeps exactly the postings posted since, in a segment with whole words of older ones",
          arguments: [0.5, 3, 12] as [Double])
    func postedAfterAcrossWords(daysAgo: Double) throws {
        var random = SplitMix64(seed: 21)
        // Old postings first (whole words of 64 with none recent), then a mix.
        let days = (0..<400).map { $0 < 200 ? 20 + Double(random.next() % 10) : Double(random.next() % 20) }
        let postings = days.enumerated().map { TestCorpus.posting("since\($0)", title: "Welder", postedDaysAgo: $1) }
        let index = TestCorpus.index(postings)
        let cutoff = TestCorpus.now.addingTimeInterval(-daysAgo * TestCorpus.day)
        let found = try index.search(JobSearchQuery(postedAfter: cutoff, limit: 100), now: TestCorpus.now)
        let expected = postings.filter { $0.postedDate >= cutoff }
        #expect(found.total == expected.count)
        #expect(found.rowIDs.count == min(100, expected.count))
        #expect(found.rowIDs.allSatisfy { postings[Int($0) - 1].postedDate >= cutoff })
    }

    @Test("salary filters keep overlapping ranges and drop postings without salary")
    func salary() throws {
        #expect(Set(try ids(JobSearchQuery(minSalary: 85_000))) == ["1", "3", "11"])
        #expect(Set(try ids(JobSearchQuery(maxSalary: 40_000))) == ["4", "6"])
        #expect(Set(try ids(JobSearchQuery(minSalary: 50_000, maxSalary: 55_000))) == ["7", "12"])
        #expect(Set(try ids(JobSearchQuery(minSalary: 0, currency: "GBP"))) == ["4"])
        // A currency alone keeps only postings paid in it: none without a salary.
        #expect(Set(try ids(JobSearchQuery(currency: "GBP"))) == ["4"])
        #expect(Set(try ids(JobSearchQuery(currency: "eur"))) == ["1", "2", "6", "7", "11"])
        #expect(try ids(JobSearchQuery(text: "warehouse", minSalary: 0)).isEmpty)
    }

    @Test("facets match hand-computed counts, disjunctive for their own filter")
    func facets() throws {
        let result = try index.search(JobSearchQuery(locations: ["berlin"]), now: TestCorpus.now)
        #expect(result.total == 4)
        // Company counts are within Berlin: Acme 1, Bluepeak 2, Northwind 1.
        #expect(result.facets.company == [
            FacetCount(value: "Bluepeak", count: 2), FacetCount(value: "Acme", count: 1), FacetCount(value: "Northwind", count: 1),
        ])
        // Location ignores its own filter: all ten visible postings count.
        #expect(result.facets.location.first == FacetCount(value: "Berlin, Germany", count: 4))
        #expect(result.facets.location.reduce(0) { $0 + $1.count } == 10)
        #expect(result.facets.remote == [FacetCount(value: "true", count: 2), FacetCount(value: "false", count: 2)])
        #expect(result.facets.employmentType == [
            FacetCount(value: "full_time", count: 3), FacetCount(value: "contract", count: 1),
        ])
        // Berlin salaries: 70–90k, 55–75k, 100–160k (posting 5 has none); bounds are inclusive.
        let buckets = Dictionary(uniqueKeysWithValues: result.facets.salaryRanges.map { ($0.from, $0.count) })
        #expect(buckets == [0: 0, 25_000: 0, 50_000: 2, 75_000: 3, 100_000: 1, 150_000: 1, 200_000: 0])
    }

    @Test("a salary bucket's count equals the results of filtering by it")
    func bucketMatchesFilter() throws {
        let facets = try index.search(JobSearchQuery(), now: TestCorpus.now).facets
        for bucket in facets.salaryRanges {
            let filtered = try index.search(JobSearchQuery(minSalary: bucket.from, maxSalary: bucket.to), now: TestCorpus.now)
            #expect(filtered.total == bucket.count, "bucket \(bucket.from)")
        }
    }

    @Test("sort by date puts the newest first; no text sorts by date too")
    func dateSort() throws {
        #expect(try ids(JobSearchQuery(text: "engineer", sort: .date)) == ["1", "2", "3", "11"])
        #expect(try ids(JobSearchQuery(limit: 3)) == ["1", "2", "3"])
    }

    @Test("highlights mark exactly what matched, escaping the rest")
    func highlights() {
        let posting = TestCorpus.posting("x", title: "Senior <Software> Engineer", description: "Engineers build software & more.")
        let marked = index.highlights(for: posting, query: JobSearchQuery(text: "engineer"))
        #expect(marked.title == "Senior &lt;Software&gt; <mark>Engineer</mark>")
        #expect(marked.description == "<mark>Engineers</mark> build software &amp; more.")
        let phrase = index.highlights(for: TestCorpus.postings[2], query: JobSearchQuery(text: "\"project manager\""))
        #expect(phrase.description == "Lead software engineer teams as a <mark>project</mark> <mark>manager</mark>.")
        let excluded = index.highlights(for: TestCorpus.postings[0], query: JobSearchQuery(text: "senior -swift"))
        #expect(!excluded.description.contains("<mark>"))
        // Stems can differ from their word after the first letter ("dying" → "die"); still marked.
        let irregular = TestCorpus.posting("y", title: "Carer", description: "Care for dying patients, ÉTÉ shifts.")
        let stems = index.highlights(for: irregular, query: JobSearchQuery(text: "die patient été"))
        #expect(stems.description == "Care for <mark>dying</mark> <mark>patients</mark>, <mark>ÉTÉ</mark> shifts.")
    }

    @Test("a title keeps its spacing: only a description's snippet runs its lines and spaces together")
    func titleSpacing() {
        let posting = TestCorpus.posting("x", title: "Engineer  (night shift)", description: "An engineer\nfor  nights.")
        let marked = index.highlights(for: posting, query: JobSearchQuery(text: "engineer"))
        #expect(marked.title == "<mark>Engineer</mark>  (night shift)")
        #expect(marked.description == "An <mark>engineer</mark> for nights.")
    }

    @Test("long descriptions give a snippet around the matches")
    func snippets() {
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 40)
        let posting = TestCorpus.posting("x", title: "T", description: filler + "we need a kubernetes expert " + filler)
        let snippet = index.highlights(for: posting, query: JobSearchQuery(text: "kubernetes")).description
        #expect(snippet.hasPrefix("…"))
        #expect(snippet.hasSuffix("…"))
        #expect(snippet.contains("<mark>kubernetes</mark>"))
        #expect(snippet.count < 300)
        let paragraphs = TestCorpus.posting("p", title: "T", description: "We serve customers.\n\nRequirements:\n- Kubernetes")
        #expect(index.highlights(for: paragraphs, query: JobSearchQuery(text: "kubernetes")).description
            == "We serve customers. Requirements: - <mark>Kubernetes</mark>")
    }

    @Test("a snippet opens just before the first match, even when more matches come later")
    func snippetAtFirstMatch() {
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 20)
        let posting = TestCorpus.posting("x", title: "T", description: filler + "one kubernetes cluster " + filler
            + "kubernetes kubernetes kubernetes")
        let snippet = index.highlights(for: posting, query: JobSearchQuery(text: "kubernetes")).description
        #expect(snippet.components(separatedBy: "<mark>").count == 2)
        #expect(snippet.contains("one <mark>kubernetes</mark> cluster"))
    }

    @Test("a phrase's first word without the rest does not hide the whole phrase further on")
    func phraseAfterALoneWord() {
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 20)
        let posting = TestCorpus.posting("x", title: "T", description: "Project plans. " + filler + "Our project manager leads.")
        let snippet = index.highlights(for: posting, query: JobSearchQuery(text: "\"project manager\"")).description
        #expect(snippet.contains("<mark>project</mark> <mark>manager</mark>"))
        #expect(!snippet.contains("<mark>Project</mark> plans"))
    }

    @Test("every hit of a page is marked alike (stems read once per page)")
    func pageOfHighlights() {
        let first = TestCorpus.posting("a", title: "Nursing lead", description: "Nurses and nursing staff.")
        let second = TestCorpus.posting("b", title: "Nurse", description: "A nursing role for nurses.")
        let page = index.highlights(for: [first, second], query: JobSearchQuery(text: "nurse"))
        // "nursing", "nurses" and "nurse" share the stem "nurs".
        #expect(page.map(\.title) == ["<mark>Nursing</mark> lead", "<mark>Nurse</mark>"])
        #expect(page.map(\.description) == ["<mark>Nurses</mark> and <mark>nursing</mark> staff.",
                                              "A <mark>nursing</mark> role for <mark>nurses</mark>."])
        #expect(index.highlights(for: [second, first], query: JobSearchQuery(text: "nurse")).map(\.title)
            == ["<mark>Nurse</mark>", "<mark>Nursing</mark> lead"])
    }
}
