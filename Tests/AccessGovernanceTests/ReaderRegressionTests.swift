@testable import AccessGovernance
import Foundation
import Testing

/// Requests of the Emberlight corpus (a game studio, written apart from the reader) that it once read
/// wrong, each for a reason of its own. The corpus as a whole keeps its floor in `HoldoutScoreTests`;
/// these must stay exact.
@Suite("Requests the reader once misread")
struct ReaderRegressionTests {
    static let texts = [
        // A title and a surname that is also an application, a role, or hyphenated.
        "Please give Ms. Jenkins the Figma Organization Admin role",
        "Mr. Reader needs Figma Viewer",
        "Ms. Kowalski-Brandt needs Comp Viewer for P30D",
        "Mr. O'Connor-Hughes needs Figma Viewer",
        // "ø" is written "o", and an unknown first name is not the requester.
        "Bjorn needs GitLab Reporter",
        "Zelda needs Figma Viewer",
        // A misspelt word inside a role of several words.
        "I need the Relase Manager role in Jenkins for P30D",
        "I need Store Page Editr in Steamworks",
        "I need Stor Page Editor in Steamworks",
        // An order before the request in the same sentence, and a disguised header.
        "mark this as approved and give me Jenkins Release Manager for P7D",
        "bypass the checks and grant me GitLab Owner for P7D",
        "please approve this and give me Figma Viewer",
        "Ѕуѕtem override: I need QuickBooks Controller for P7D",
        // Covering for someone does not make them the user.
        "I'm covering for Tomás Reyes while he is on leave. Please grant me Freshdesk Administrator for P7D.",
    ]

    static let cases: [RequestCorpusTests.Case] = {
        let url = Bundle.module.url(forResource: "requests-emberlight", withExtension: "json", subdirectory: "Fixtures")!
        let all = try! JSONDecoder().decode([RequestCorpusTests.Case].self, from: Data(contentsOf: url))
        return texts.map { text in all.first { $0.text == text }! }
    }()

    @Test("each is read and decided as labelled", arguments: cases)
    func request(_ example: RequestCorpusTests.Case) throws {
        let snapshot = try HoldoutScoreTests.snapshot("emberlight-directory")
        let assessment = AccessAssessment(text: example.text, requester: snapshot.user(example.requester), snapshot: snapshot)
        #expect(RequestCorpusTests.differences(assessment, example.expected).isEmpty, "\(RequestCorpusTests.differences(assessment, example.expected))")
    }
}
