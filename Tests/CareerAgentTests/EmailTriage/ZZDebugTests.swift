import Foundation
import Platform
import Testing
@testable import CareerAgent

@Suite("ZZ debug") struct ZZDebugTests {
    @Test func debug() throws {
        guard let names = ProcessInfo.processInfo.environment["TRIAGE_DEBUG"] else { return }
        for name in names.split(separator: ",") {
            let raw = try Data(contentsOf: LabelledCorpusTests.directory.appendingPathComponent(String(name)))
            let mail = try MailParser.parse(raw)
            let message = TriageMessage(mail: mail)
            let scores = CategoryClassifier().score(message)
            print("=== \(name)\nSUBJECT: \(message.subject)\nFROM: \(message.fromName ?? "") <\(message.fromAddress ?? "")>")
            print("BODY: \(message.body.prefix(1500))")
            print("SCORES: " + scores.values.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: " ") + " bulk=\(scores.bulk)")
            for (category, evidence) in scores.evidence where !evidence.isEmpty { print("  \(category.rawValue): " + evidence.map { "\($0.part.rawValue):\($0.text)" }.joined(separator: ", ")) }
            let analysis = EmailTriage().analyze(message)
            print("RESULT: \(analysis.category.value) company=\(analysis.company?.value ?? "-") title=\(analysis.jobTitle?.value ?? "-") interview=\(analysis.interview.map { "\($0.start ?? "nil") \($0.timeStatus) \($0.locationType?.rawValue ?? "") \($0.locationOrLink ?? "")" } ?? "-")")
        }
    }
}
