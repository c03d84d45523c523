import Foundation
import Search
import Testing
@testable import CareerAgent

@Suite struct ResumeAnalyzerTests {
    let parser = ResumeParser(extractor: Shipped.extractor)

    func resume(_ text: String) -> Resume {
        Resume(id: "r1", userID: "u1", fileName: "resume.txt", contentType: "text/plain", byteSize: text.utf8.count, blobKey: "k",
               text: text, parsed: parser.parse(text, asOf: ResumeParserTests.uploaded), isPrimary: true,
               createdAt: ResumeParserTests.uploaded)
    }

    @Test func componentsFollowTheRubricAndWeighToOneHundred() {
        let analysis = ResumeAnalyzer().analyze(resume(ResumeParserTests.text), target: nil)
        #expect(analysis.components.map(\.name) == ["sections", "contact details", "quantified achievements", "action verbs",
                                                    "length", "dates", "keyword coverage"])
        #expect(analysis.components.reduce(0) { $0 + $1.weight } == 100)
        let weighted = analysis.components.reduce(0) { $0 + $1.score * $1.weight }
        #expect(analysis.atsScore == Int((Double(weighted) / 100).rounded()))
    }

    @Test func everyQuoteIsTheResumesOwnWords() {
        let text = ResumeParserTests.text
        let analysis = ResumeAnalyzer().analyze(resume(text), target: .init(label: "the posting", skills: ["Go", "Rust", "Kafka"]))
        let scalars = Array(text.unicodeScalars)
        let quotes = (analysis.strengths + analysis.weaknesses + analysis.suggestions).compactMap(\.quote)
        #expect(!quotes.isEmpty)
        for quote in quotes {
            #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text)
        }
    }

    @Test func dutiesAreFlaggedAndResultsPraised() {
        let analysis = ResumeAnalyzer().analyze(resume(ResumeParserTests.text), target: nil)
        #expect(analysis.weaknesses.contains { $0.quote?.text.contains("Responsible for on-call rotations") == true })
        #expect(analysis.strengths.contains { $0.quote?.text.contains("cutting deploy time by 70%") == true })
    }

    @Test func keywordCoverageCountsTheTargetsSkills() throws {
        let analysis = ResumeAnalyzer().analyze(resume(ResumeParserTests.text),
                                                target: .init(label: "the posting", skills: ["Go", "Apache Kafka", "Rust", "Scala"]))
        let keywords = try #require(analysis.components.first { $0.name == "keyword coverage" })
        #expect(keywords.score == 50)
        #expect(keywords.evidence.contains("missing: Rust, Scala"))
    }

    @Test func theSameResumeAndTargetGiveTheSameAnalysis() {
        let target = ResumeAnalyzer.Target(label: "the posting", skills: ["Go", "Kafka"])
        #expect(ResumeAnalyzer().analyze(resume(ResumeParserTests.text), target: target)
            == ResumeAnalyzer().analyze(resume(ResumeParserTests.text), target: target))
    }

    @Test func aBareResumeScoresLowAndSaysWhatIsMissing() {
        let analysis = ResumeAnalyzer().analyze(resume("Worked at a shop.\nHelped customers."), target: nil)
        #expect(analysis.atsScore < 40)
        #expect(analysis.weaknesses.contains { $0.text.contains("No experience section") })
    }
}
