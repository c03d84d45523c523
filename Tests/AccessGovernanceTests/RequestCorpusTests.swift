@testable import AccessGovernance
import Foundation
import Testing

/// Requests written the ways people write them (polite, terse, lowercase, abbreviated, several
/// sentences, with names that are not the user, with injected instructions), each with the entities,
/// missing and unknown slots, decision and reasons a careful reader would give.
@Suite("Reading and deciding written requests")
struct RequestCorpusTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Expected: Decodable, Sendable {
            let user_id: String?
            let app_id: String?
            let role_id: String?
            let duration: String?
            let missing: [String]
            let unknown: [UnknownMention]
            let decision: String?
            let reasons: [String]
            let question: Bool
        }
        let requester: String
        let text: String
        let expected: Expected
        var testDescription: String { text }
    }

    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "requests", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
    }()

    @Test("each request is read and decided as expected", arguments: cases)
    func request(_ example: Case) {
        let assessment = DirectoryFixture.assess(example.text, as: example.requester)
        let reading = assessment.reading
        let expected = example.expected
        #expect(reading.entities.userID == expected.user_id, "user")
        #expect(reading.entities.appID == expected.app_id, "app")
        #expect(reading.entities.roleID == expected.role_id, "role")
        #expect(reading.entities.duration?.description == expected.duration, "duration")
        #expect(reading.missing.map(\.rawValue) == expected.missing, "missing")
        #expect(reading.unknown == expected.unknown, "unknown")
        #expect(assessment.checks.decision?.rawValue == expected.decision, "decision")
        #expect(assessment.checks.reasons.map(\.code.rawValue) == expected.reasons, "reasons: \(assessment.checks.reasons.map(\.detail))")
        #expect((reading.question?.isAmbiguity ?? false) == expected.question, "question")
    }

    /// Every way `assessment` differs from `expected`, in words; empty when it is exact.
    static func differences(_ assessment: AccessAssessment, _ expected: Case.Expected) -> [String] {
        let reading = assessment.reading
        var problems: [String] = []
        func compare<T: Equatable>(_ name: String, _ actual: T, _ wanted: T) {
            if actual != wanted { problems.append("\(name): \(actual) ≠ expected \(wanted)") }
        }
        compare("user", reading.entities.userID, expected.user_id)
        compare("app", reading.entities.appID, expected.app_id)
        compare("role", reading.entities.roleID, expected.role_id)
        compare("duration", reading.entities.duration?.description, expected.duration)
        compare("missing", reading.missing.map(\.rawValue), expected.missing)
        compare("unknown", reading.unknown, expected.unknown)
        compare("decision", assessment.checks.decision?.rawValue, expected.decision)
        compare("reasons", assessment.checks.reasons.map(\.code.rawValue), expected.reasons)
        compare("question", reading.question?.isAmbiguity ?? false, expected.question)
        return problems
    }
}
