import Foundation
import Testing
@testable import WebPages

/// The symbols, capacities and alignment centres segno produced, written by `Fixtures/make-qr-fixture.py`.
struct QRReference: Decodable {
    struct Symbol: Decodable, Sendable, CustomTestStringConvertible {
        let text: String
        let correction: String
        let version: Int
        let mask: Int
        let rows: [String]

        var testDescription: String { "\(text.utf8.count) bytes at \(correction): version \(version)" }
    }

    let dataCodewords: [String: [Int]]
    let alignmentCenters: [[Int]]
    let symbols: [Symbol]

    static let levels: [String: QRCode.Correction] = ["L": .low, "M": .medium, "Q": .quartile, "H": .high]

    static func load() throws -> QRReference {
        let url = try #require(
            Bundle.module.url(forResource: "qr-reference", withExtension: "json", subdirectory: "Fixtures")
        )
        return try JSONDecoder().decode(QRReference.self, from: Data(contentsOf: url))
    }
}
