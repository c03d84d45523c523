@testable import AccessGovernance
import Foundation
import Testing

/// Requests written apart from the reader, to measure it on phrasings it was not tuned on: more
/// requests to Northwind, and two more companies (a hospital, a bank) with their own directories, names and policies.
/// `wayfinder bench access` reports the figures; the test keeps a floor under them.
@Suite("Held-out requests")
struct HoldoutScoreTests {
    struct Corpus: Sendable, CustomTestStringConvertible {
        /// The directory every request is read against; nil when each case names its own (`"directory": "acme"`).
        let directory: String?
        let requests: String
        var testDescription: String { requests }
    }

    struct Case: Decodable {
        let directory: String?
    }

    static func snapshot(_ name: String) throws -> DirectorySnapshot {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return DirectorySnapshot(try JSONDecoder().decode(DirectoryDocument.self, from: Data(contentsOf: url)))
    }

    static let corpora = [
        Corpus(directory: "northwind-directory", requests: "requests-holdout"),
        Corpus(directory: "acme-directory", requests: "requests-acme"),
        Corpus(directory: "harbor-directory", requests: "requests-harbor"),
        Corpus(directory: nil, requests: "requests-mixed"),
        Corpus(directory: "emberlight-directory", requests: "requests-emberlight"),
        Corpus(directory: "valdmere-directory", requests: "requests-valdmere"),
        Corpus(directory: "kestrel-directory", requests: "requests-kestrel"),
        Corpus(directory: "fernhill-directory", requests: "requests-fernhill"),
        Corpus(directory: "marlowe-directory", requests: "requests-marlowe"),
        Corpus(directory: "harbourline-directory", requests: "requests-harbourline"),
    ]

    @Test("at least 98% of held-out requests get exactly the expected entities, slots, decision and reasons", arguments: corpora)
    func holdout(_ corpus: Corpus) throws {
        let url = try #require(Bundle.module.url(forResource: corpus.requests, withExtension: "json", subdirectory: "Fixtures"))
        let data = try Data(contentsOf: url)
        let cases = try JSONDecoder().decode([RequestCorpusTests.Case].self, from: data)
        let directories = try JSONDecoder().decode([Case].self, from: data).map { $0.directory.map { "\($0)-directory" } ?? corpus.directory! }
        var snapshots: [String: DirectorySnapshot] = [:]
        for name in Set(directories) { snapshots[name] = try Self.snapshot(name) }
        var exact = 0
        for (example, directory) in zip(cases, directories) {
            let snapshot = snapshots[directory]!
            let assessment = AccessAssessment(text: example.text, requester: snapshot.user(example.requester), snapshot: snapshot)
            let problems = RequestCorpusTests.differences(assessment, example.expected)
            if problems.isEmpty { exact += 1 } else if ProcessInfo.processInfo.environment["SHOW_MISSES"] != nil {
                print("MISS \(example.requester): \(example.text)\n     \(problems.joined(separator: "\n     "))")
            }
        }
        print("\(corpus.requests): \(exact)/\(cases.count) exact")
        #expect(Double(exact) >= 0.98 * Double(cases.count))
    }
}
