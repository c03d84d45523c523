import Foundation
import JobPostings
import Synchronization
import Testing
@testable import Search

/// `ListTagger` with a fingerprint, counting the postings it reads.
final class RecordingListTagger: PostingSkillTagger {
    let fingerprint: String
    private let reads = Mutex(0)
    init(fingerprint: String) { self.fingerprint = fingerprint }

    var taggerFingerprint: String? { fingerprint }
    var postingsRead: Int { reads.withLock { $0 } }

    func skills(of posting: JobPosting) -> [PostingSkill] {
        reads.withLock { $0 += 1 }
        return ListTagger().skills(of: posting)
    }
}

@Suite("Skills recorded when postings were written")
struct RecordedSkillsInIndexTests {
    /// Every posting of the corpus with the skills "Recorded" records for it, as its row would carry them.
    static func changes(recordedBy fingerprint: String) -> [JobPostingChange] {
        TestCorpus.changes(TestCorpus.postings, firstRow: 1, firstSequence: 1).map { change in
            var change = change
            change.stored.recordedSkills = RecordedSkills([PostingSkill(name: "Recorded", isRequired: true)], fingerprint: fingerprint,
                                                         content: change.stored.posting.contentFingerprint)
            return change
        }
    }

    @Test("the index takes recorded skills from its own tagger instead of reading the postings again")
    func sameTagger() throws {
        let tagger = RecordingListTagger(fingerprint: "list-1")
        let index = InvertedJobSearchIndex(skillTagger: tagger)
        index.apply(Self.changes(recordedBy: "list-1"))
        #expect(tagger.postingsRead == 0)
        let all = try index.search(JobSearchQuery(), now: TestCorpus.now).total
        #expect(all > 0)
        #expect(try index.search(JobSearchQuery(skills: ["Recorded"]), now: TestCorpus.now).total == all)
        #expect(try TestCorpus.ids(index, JobSearchQuery(skills: ["Swift"])).isEmpty)
    }

    @Test("skills recorded by another tagger, or none, are read again")
    func otherTagger() throws {
        let tagger = RecordingListTagger(fingerprint: "list-2")
        let index = InvertedJobSearchIndex(skillTagger: tagger)
        var changes = Self.changes(recordedBy: "list-1")
        changes[0].stored.recordedSkills = nil
        index.apply(changes)
        #expect(tagger.postingsRead == changes.filter { $0.stored.posting.status == .open }.count)
        #expect(try TestCorpus.ids(index, JobSearchQuery(skills: ["Recorded"])).isEmpty)
        #expect(Set(try TestCorpus.ids(index, JobSearchQuery(skills: ["Swift", "forklift"]))) == ["1", "8"])
    }
}
