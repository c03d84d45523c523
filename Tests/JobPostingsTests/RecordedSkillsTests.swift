import JobPostings
import Testing

@Suite("Skills recorded with a posting")
struct RecordedSkillsTests {
    let skills = [PostingSkill(name: "Kubernetes", isRequired: true), PostingSkill(name: "C++", isRequired: false),
                  PostingSkill(name: "Occupational health and safety", isRequired: true)]

    @Test("the skills read back as they were recorded, requirement and plus apart, by a tagger with the same fingerprint")
    func roundTrip() {
        let recorded = RecordedSkills(skills, fingerprint: "taxonomy-1.4", content: "v2:0123456789abcdef")
        #expect(recorded.skills(ifReadBy: "taxonomy-1.4") == skills)
        #expect(RecordedSkills(text: recorded.text).skills(ifStamped: RecordedSkills.stamp(of: "taxonomy-1.4")) == skills)
    }

    @Test("no skills is a record too: a posting that asks for none is not read again")
    func noSkills() {
        #expect(RecordedSkills([], fingerprint: "taxonomy-1.4", content: "v2:0123456789abcdef").skills(ifReadBy: "taxonomy-1.4") == [])
        #expect(RecordedSkills(text: RecordedSkills.stamp(of: "t") + " v2:1").skills(ifStamped: RecordedSkills.stamp(of: "t")) == [])
    }

    @Test("a tagger with another fingerprint does not trust them")
    func otherTagger() {
        let recorded = RecordedSkills(skills, fingerprint: "taxonomy-1.4", content: "v2:0123456789abcdef")
        #expect(recorded.skills(ifReadBy: "taxonomy-1.5") == nil)
        #expect(recorded.skills(ifReadBy: "") == nil)
    }

    @Test("they name the content they were read from, and no other")
    func content() {
        let recorded = RecordedSkills(skills, fingerprint: "taxonomy-1.4", content: "v2:0123456789abcdef")
        #expect(recorded.wereRead(fromContent: "v2:0123456789abcdef"))
        #expect(!recorded.wereRead(fromContent: "v2:0123456789abcdee"))
        #expect(!recorded.wereRead(fromContent: ""))
        #expect(!RecordedSkills(text: "").wereRead(fromContent: ""))
    }

    @Test("a text this release did not write is not trusted: no stamp, a line without its marker, an empty name")
    func malformed() {
        let stamp = RecordedSkills.stamp(of: "t")
        #expect(RecordedSkills(text: "").skills(ifStamped: stamp) == nil)
        #expect(RecordedSkills(text: stamp).skills(ifStamped: stamp) == nil)
        #expect(RecordedSkills(text: "\(stamp)\n+Go").skills(ifStamped: stamp) == nil)
        #expect(RecordedSkills(text: "\(stamp) v2:1\nKubernetes").skills(ifStamped: stamp) == nil)
        #expect(RecordedSkills(text: "\(stamp) v2:1\n+").skills(ifStamped: stamp) == nil)
        #expect(RecordedSkills(text: "\(stamp) v2:1\n+Go\n").skills(ifStamped: stamp) == nil)
        #expect(RecordedSkills(text: "\(stamp) v2:1\n+Go").skills(ifStamped: stamp) == [PostingSkill(name: "Go", isRequired: true)])
    }

    @Test("a stamp is sixteen hex digits, the same in every process")
    func stamp() {
        #expect(RecordedSkills.stamp(of: "") == "cbf29ce484222325")
        #expect(RecordedSkills.stamp(of: "a") == "af63dc4c8601ec8c")
    }
}
