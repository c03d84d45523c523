import Foundation
import Testing
@testable import WebPages

@Suite("QR code")
struct QRCodeTests {
    /// The widely reproduced "HELLO WORLD" 1-M example (alphanumeric mode): its sixteen data codewords
    /// and the ten error-correction codewords published for them.
    @Test func reedSolomonMatchesThePublishedHelloWorldBlock() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let expected: [UInt8] = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]
        #expect(ReedSolomon(degree: 10).remainder(of: data) == expected)
    }

    @Test func galoisFieldMultiplicationWrapsThroughTheReducingPolynomial() {
        #expect(GaloisField.multiply(0x80, 2) == 0x1D)
        #expect(GaloisField.multiply(0x53, 0xCA) == 0x8F)
        #expect(GaloisField.multiply(0, 0xCA) == 0)
    }

    /// Values from ISO/IEC 18004 Table C.1.
    @Test func formatInformationIsTheMaskedBCHCodeword() {
        #expect(QRMatrix.formatBits(correction: .medium, mask: .checkerboard) == 0b101_0100_0001_0010)
        #expect(QRMatrix.formatBits(correction: .low, mask: .blocks) == 0b110_0110_0010_1111)
        #expect(QRMatrix.formatBits(correction: .high, mask: .mixedParity) == 0b000_1000_0011_1011)
    }

    /// Values from ISO/IEC 18004 Table D.1.
    @Test func versionInformationIsTheBCHCodeword() {
        #expect(QRMatrix.versionBits(QRVersion(7)) == 0x07C94)
        #expect(QRMatrix.versionBits(QRVersion(40)) == 0x28C69)
    }

    @Test func blockTablesGiveTheReferenceDataCapacityForEveryVersionAndLevel() throws {
        let reference = try QRReference.load()
        for (name, correction) in QRReference.levels {
            let expected = try #require(reference.dataCodewords[name])
            let actual = QRVersion.all.map { $0.blockLayout(correction).dataCodewords }
            #expect(actual == expected, "level \(name)")
        }
    }

    @Test func alignmentCentersMatchTheReferenceTable() throws {
        let reference = try QRReference.load()
        #expect(QRVersion.all.map(\.alignmentCenters) == reference.alignmentCenters)
    }

    /// The whole symbol, version and mask included, equals what segno draws for the same bytes and level.
    @Test(arguments: try QRReference.load().symbols)
    func symbolMatchesTheReferenceEncoderModuleForModule(_ symbol: QRReference.Symbol) throws {
        let correction = try #require(QRReference.levels[symbol.correction])
        let code = try QRCode(encoding: symbol.text, correction: correction)
        #expect(code.size == 4 * symbol.version + 17, "version")
        let rows = code.modules.map { String($0.map { $0 ? "1" : "0" }) }
        let differing = zip(rows, symbol.rows).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(rows.count == symbol.rows.count && differing.isEmpty, "rows differing: \(differing.prefix(10))")
    }

    @Test func aTextBeyondVersion40IsRefusedWithItsSize() {
        let text = String(repeating: "x", count: 2332)
        #expect(throws: QRCode.EncodingError.textTooLong(byteCount: 2332, maximum: 2331)) {
            try QRCode(encoding: text)
        }
        #expect((try? QRCode(encoding: String(repeating: "x", count: 2331)))?.size == 177)
    }

    @Test func theSmallestVersionThatHoldsTheTextIsChosen() throws {
        // Version 1 holds 17 bytes at L and 14 at M.
        #expect(try QRCode(encoding: String(repeating: "a", count: 17), correction: .low).size == 21)
        #expect(try QRCode(encoding: String(repeating: "a", count: 15), correction: .medium).size == 25)
    }
}
