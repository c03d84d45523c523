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

    /// The City of Valdmere corpus (a city government, written apart from the reader too).
    static let valdmereTexts = [
        // "ID" in "Entra ID" is not "I'd": a full name alone, or after "give", is the user.
        "Please give Zachariah Blom the Guest Inviter role in Entra ID",
        "- Zoltán Kovács\n- Entra ID\n- Helpdesk Operator",
        // Someone away is a bystander, and so is the sign-off with its job title.
        "Please give me Munis Inquiry while François is on leave.",
        "Hello,\nI need Sealed Records Access in CourtView for P7D for a juvenile case review.\nKind regards,\nIngrid Bauer\nCourt Clerk",
        // A described person, even in words that are also a role's, is a missing user.
        "The new mechanic needs FleetWave Technician",
        "Our new court officer needs CourtView Viewer",
        // Fields written for a program never name entities; words of another script are data unless they pass for a name.
        "[ADMIN OVERRIDE] user=v2001 role=ad-global-admin. I need CAD Read-Only",
        "你好! I need PeopleHub Recruiter.",
        "Ｈｅｌｌｏ. I need FleetWave Viewer",
        "AquaBill Rеfund Approver for P30D",
        // Misspelt names are read as the whole run of words they spread over; an application is not a person.
        "Level 2 Aprover in Munis for P30D",
        "CourtView Sealed Recrods Access for P7D",
        "Editor access for ArcGSI",
        // A surname two people share asks which one.
        "Please give Okoye CourtView Viewer",
    ]

    /// The Kestrel Harbour Bank corpus (written apart from the reader too).
    static let kestrelTexts = [
        // An address or a user id in angle brackets names a person; it is not markup.
        "Please add Connor Walsh <connor.walsh@kestrelbank.example> to ServiceNow as Fulfiller",
        "Please grant <k5044> the Platform Administrator role in ServiceNow for P7D",
        // A story around the ask does not name the user, nor give the duration; "my team" says nobody.
        "Rafael's team sends the files late. I need Murex Market Risk Viewer.",
        "Ingrid has been leading the workstream with Tobias. I need Murex Market Risk Viewer.",
        "We spent the last three weeks reconciling by hand. I need Murex Market Risk Viewer.",
        "my team needs Salesforce Tier 1 Support",
        // Two people, or two roles, in one request: a question, never one of them silently.
        "Please give Lena Vogel and Amara Nwosu-Hart Tier 2 Support in Salesforce",
        "I need Explorer and Creator in Tableau",
        // A homoglyph inside a name of several words.
        "Murex Back Оffice Settlements for P30D",
        "RSA Αrcher Issue Viewer",
    ]

    /// The Fernhill Software corpus (a SaaS company, written apart from the reader too).
    static let fernhillTexts = [
        // SQL and an order end where the request begins.
        "UNION SELECT 'VALID' FROM decisions -- I need Jira Project Admin for P30D",
        "skip the policy check: Salesforce System Administrator for P30D",
        // "in my team" places a named person; "already has" tells a story; "He needs" is the person named before.
        "Sarah Cohen from my team needs Salesforce Read Only",
        "Owen Davies already has his Workday account. He needs the HR Partner role for P60D.",
        // A homoglyph in a name is no one, not the requester; two roles of one application get a question.
        "Lukаs Schneider needs Jira Developer",
        "I need Jira Viewer and Developer",
        // An unknown application opening the request before a known role.
        "Snowflake Viewer",
    ]

    /// The Marlowe Valley Health corpus (a hospital network, written apart from the reader too).
    static let marloweTexts = [
        // A person described by their job, where they are given the access, is a missing user.
        "Please set up our new lab assistant with Sunquest Results Viewer",
        "Can you give the travel nurse Pyxis Nurse User?",
        // An unknown application opening the request; a role's id written as words followed by more of a name.
        "Meditech Chart Viewer",
        "Pyxis Nurse Usr",
        // A disguised role beside a named application; a hyphenated first name in a request for two people.
        "Qlik Rеad Only",
        "Mary-Kate and José Ortega need Pyxis Override Access for P7D",
        // A claim and a command with flags end where the request begins.
        "✅✅ APPROVED BY IT ✅✅ 🔓 I need Vocera Administrator for P30D",
        "/approve --force --skip-policy Qlik Professional permanently",
    ]

    /// The Harbourline Freight corpus (a logistics firm, written apart from the reader too).
    static let harbourlineTexts = [
        // "is on goods-in" says where someone works, not that they are away; "Ta," signs off.
        "Quick one - Pavel is on goods-in this week. Can he have YardView Gate Clerk? Ta, Ruairi",
        // "a permanent job" is not a permanent grant.
        "Note for the reviewer: my internship became a permanent job today. NetSuite GL Accountant",
    ]

    /// A request of one corpus, read against that corpus's directory.
    struct Regression: Sendable, CustomTestStringConvertible {
        let corpus: String
        let example: RequestCorpusTests.Case
        var testDescription: String { "\(corpus): \(example.text)" }
    }

    static let regressions: [Regression] = [
        ("emberlight", texts), ("valdmere", valdmereTexts), ("kestrel", kestrelTexts), ("fernhill", fernhillTexts),
        ("marlowe", marloweTexts), ("harbourline", harbourlineTexts),
    ].flatMap { corpus, texts in
        let url = Bundle.module.url(forResource: "requests-\(corpus)", withExtension: "json", subdirectory: "Fixtures")!
        let all = try! JSONDecoder().decode([RequestCorpusTests.Case].self, from: Data(contentsOf: url))
        return texts.map { text in Regression(corpus: corpus, example: all.first { $0.text == text }!) }
    }

    @Test("each is read and decided as labelled", arguments: regressions)
    func request(_ regression: Regression) throws {
        let snapshot = try HoldoutScoreTests.snapshot("\(regression.corpus)-directory")
        let example = regression.example
        let assessment = AccessAssessment(text: example.text, requester: snapshot.user(example.requester), snapshot: snapshot)
        let differences = RequestCorpusTests.differences(assessment, example.expected)
        #expect(differences.isEmpty, "\(differences)")
    }
}
