import Testing
@testable import WebPages

@Suite("QR code")
struct QRCodeTests {
    @Test("a code is square")
    func square() {
        #expect(QRCode(modules: [[true, false], [false, true]]).size == 2)
    }
}
