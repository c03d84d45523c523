import Foundation
import JobPostings
import Testing
@testable import Search

/// Tags the words of a fixed list found in a posting's description; "(plus)" after a word makes it optional.
struct ListTagger: PostingSkillTagger {
    let known = ["Swift", "Go", "Python", "React", "C++", "C#", "Node.js", "forklift"]

    func skills(of posting: JobPosting) -> [PostingSkill] {
        known.filter { posting.description.contains($0) }.map {
            PostingSkill(name: $0, isRequired: !posting.description.contains("\($0) a plus"))
        }
    }
}

@Suite("Skills in the index")
struct SkillFieldTests {
    let index: InvertedJobSearchIndex = {
        let index = InvertedJobSearchIndex(skillTagger: ListTagger())
        index.apply(TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1))
        return index
    }()

    func ids(_ query: JobSearchQuery) throws -> [String] { try TestCorpus.ids(index, query) }

    @Test("skill= keeps postings asking for any of the skills, without regard to case")
    func filter() throws {
        #expect(Set(try ids(JobSearchQuery(skills: ["python"]))) == ["2"])
        #expect(Set(try ids(JobSearchQuery(skills: ["Swift", "forklift"]))) == ["1", "8"])
        #expect(try ids(JobSearchQuery(skills: ["COBOL"])).isEmpty)
        #expect(Set(try ids(JobSearchQuery(text: "developer", skills: ["react"]))) == ["5"])
    }

    @Test("the skills facet counts the results, and ignores its own filter like the other facets")
    func facet() throws {
        let all = try index.search(JobSearchQuery(), now: TestCorpus.now).facets.skills
        #expect(all.first { $0.value == "Swift" }?.count == 1)
        #expect(all.first { $0.value == "React" }?.count == 1)
        let filtered = try index.search(JobSearchQuery(skills: ["Swift"]), now: TestCorpus.now).facets.skills
        #expect(filtered.map(\.value).sorted() == all.map(\.value).sorted())
        let berlin = try index.search(JobSearchQuery(locations: ["Hamburg"]), now: TestCorpus.now).facets.skills
        #expect(berlin.map(\.value) == ["forklift"])
    }

    @Test("over nearly all of a segment, the skills facet is its totals less the postings left out, which ask for skills too")
    func facetOverMostOfASegment() throws {
        // Hidden postings (expired, closed, replaced) that ask for skills are what the totals must lose.
        // Under a sixteenth of the segment hidden: two expired, one replaced (a closed one is never indexed).
        var postings = (0..<60).map { number in
            TestCorpus.posting("m\(number)", title: "Developer", description: number % 3 == 0 ? "Swift and Go." : "Python; Swift a plus.",
                               expiresInDays: number % 30 == 0 ? -1 : 30, status: number == 13 ? .closed : .open)
        }
        let index = InvertedJobSearchIndex(skillTagger: ListTagger())
        index.apply(TestCorpus.changes(postings, firstRow: 1, firstSequence: 1))
        postings[4].description = "React only."
        index.apply([JobPostingChange(sequence: 100, stored: StoredJobPosting(rowID: 5, posting: postings[4]))])
        let visible = postings.filter { $0.status == .open && ($0.expiresAt ?? .distantFuture) > TestCorpus.now }
        let tagger = ListTagger()
        let expected = visible.flatMap { tagger.skills(of: $0).map(\.name) }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let facet = try index.search(JobSearchQuery(), now: TestCorpus.now).facets.skills
        #expect(Dictionary(uniqueKeysWithValues: facet.map { ($0.value, $0.count) }) == expected)
    }

    @Test("skills survive merges and a save and load")
    func persistence() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (saved, _) = InvertedJobSearchIndex.open(directory: directory, source: "db", maximumSegments: 2, skillTagger: ListTagger())
        for (offset, posting) in TestCorpus.postings.enumerated() {
            saved.apply(TestCorpus.changes([posting], firstRow: Int64(offset + 1), firstSequence: Int64(offset + 1)))
        }
        #expect(saved.segmentCount <= 2)
        try saved.persist()
        let (loaded, outcome) = InvertedJobSearchIndex.open(directory: directory, source: "db", skillTagger: ListTagger())
        #expect(outcome == .loaded(postings: 11, appliedSequence: 12))  // all but the closed posting
        for skill in ["Swift", "Go", "forklift", "C++"] {
            #expect(try TestCorpus.ids(loaded, JobSearchQuery(skills: [skill])) == (try ids(JobSearchQuery(skills: [skill]))))
        }
        #expect(try loaded.search(JobSearchQuery(), now: TestCorpus.now).facets == index.search(JobSearchQuery(), now: TestCorpus.now).facets)
    }
}

@Suite("Ordering by match")
struct MatchOrderingTests {
    let index: InvertedJobSearchIndex = {
        let index = InvertedJobSearchIndex(skillTagger: ListTagger())
        index.apply(TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1))
        return index
    }()

    static let profile = MatchProfile(skills: ["Swift", "Go", "python"], titles: ["Software Engineer"], yearsOfExperience: 7,
                                      locations: ["Berlin"], minimumSalary: 80_000, currency: "EUR")

    @Test("pages ordered by match are the scores of every posting, best first, whatever the page size")
    func orderingMatchesEveryScore() throws {
        let visible = try index.search(JobSearchQuery(limit: 100), now: TestCorpus.now).rowIDs
        let expected = visible.map { (row: $0, score: index.match(Self.profile, rowID: $0)!.score) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
        for limit in [1, 2, 3, 5, 100] {
            var rows: [Int64] = [], scores: [Int] = []
            var query = JobSearchQuery(sort: .match, limit: limit)
            query.match = Self.profile
            while true {
                let page = try index.search(query, now: TestCorpus.now)
                rows += page.rowIDs
                scores += page.matchScores
                guard let next = page.nextCursor else { break }
                query.cursor = next
            }
            #expect(rows == expected.map(\.row), "limit \(limit)")
            #expect(scores == expected.map(\.score), "limit \(limit)")
        }
    }

    @Test("a posting asking for the seeker's skills in the seeker's city scores above a nursing job")
    func fitRanksAboveMisfit() throws {
        let engineer = try #require(index.match(Self.profile, rowID: 1))
        let nurse = try #require(index.match(Self.profile, rowID: 4))
        #expect(engineer.score > nurse.score)
        #expect(engineer.matchedSkills.map(\.name).sorted() == ["Go", "Swift"])
        #expect(engineer.components.map(\.weight).reduce(0, +) == 100)
    }
}

@Suite("Title-only text")
struct TitleOnlyTests {
    @Test("a role matches postings titled so, not those that only mention it")
    func titleOnly() throws {
        let index = TestCorpus.index()
        var query = JobSearchQuery(text: "engineer", limit: 50)
        let anywhere = Set(try TestCorpus.ids(index, query))
        query.titleOnly = true
        let titled = Set(try TestCorpus.ids(index, query))
        #expect(anywhere == ["1", "2", "3", "11"])
        #expect(titled == ["1", "2"])  // not the project manager leading engineers, nor the researcher of engineering data
    }
}
