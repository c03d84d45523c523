import Foundation
import Search
import Testing
@testable import CareerAgent

/// The shipped taxonomy and extractor against hand-labelled postings and resumes: what a careful
/// reader tags in each text (boilerplate excluded), compared by ESCO URI where the label has one.
@Suite struct SkillLabelEvaluationTests {
    struct Fixture: Decodable {
        struct Label: Decodable {
            var name: String
            var esco_uri: String?
            var requirement: String?
        }

        var kind: String
        var text: String
        var skills: [Label]
    }

    static let fixtures: [(name: String, fixture: Fixture)] = {
        let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/skill-labels")
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }.compactMap { url in
            (try? JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))).map { (url.lastPathComponent, $0) }
        }
    }()

    let extractor = Shipped.extractor

    static func key(name: String, uri: String?) -> String { uri ?? name.lowercased() }

    @Test func extractionReachesTheF1Target() throws {
        try #require(Self.fixtures.count >= 40)
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var misses: [String] = []
        for (name, fixture) in Self.fixtures {
            let expected = Set(fixture.skills.map { Self.key(name: $0.name, uri: $0.esco_uri) })
            let found = extractor.extract(from: fixture.text, kind: fixture.kind == "resume" ? .resume : .posting)
            let got = Set(found.map { Self.key(name: $0.concept.name, uri: $0.concept.escoURI) })
            truePositives += expected.intersection(got).count
            falsePositives += got.subtracting(expected).count
            falseNegatives += expected.subtracting(got).count
            let extra = found.filter { !expected.contains(Self.key(name: $0.concept.name, uri: $0.concept.escoURI)) }.map(\.concept.name)
            let missed = fixture.skills.filter { !got.contains(Self.key(name: $0.name, uri: $0.esco_uri)) }.map(\.name)
            if !extra.isEmpty || !missed.isEmpty { misses.append("\(name): extra \(extra), missed \(missed)") }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        let f1 = 2 * precision * recall / max(precision + recall, .ulpOfOne)
        print(String(format: "skill extraction: precision %.3f, recall %.3f, F1 %.3f over %d texts", precision, recall, f1, Self.fixtures.count))
        for line in misses { print("  " + line) }
        #expect(f1 >= 0.85)
    }

    @Test func requirementLevelsAgreeWithTheLabels() {
        var agreed = 0, compared = 0
        for (_, fixture) in Self.fixtures where fixture.kind == "posting" {
            let found = Dictionary(extractor.extract(from: fixture.text).map {
                (Self.key(name: $0.concept.name, uri: $0.concept.escoURI), $0.requirement?.rawValue)
            }, uniquingKeysWith: { first, _ in first })
            for label in fixture.skills {
                guard let requirement = found[Self.key(name: label.name, uri: label.esco_uri)] else { continue }
                compared += 1
                if requirement == label.requirement { agreed += 1 }
            }
        }
        let share = Double(agreed) / Double(max(1, compared))
        print(String(format: "requirement levels: %d of %d agree (%.3f)", agreed, compared, share))
        #expect(share >= 0.85)
    }
}
