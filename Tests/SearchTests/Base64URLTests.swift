import Domain
import Foundation
import Testing
@testable import Search

@Suite("Base64url")
struct Base64URLTests {
    @Test("encodes as Foundation's base64 with the URL alphabet and no padding, and decodes back")
    func roundTrip() {
        var generator = SplitMix64(seed: 7)
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == expected)
            #expect(Base64URL.decode(expected) == bytes)
        }
    }

    @Test("refuses characters outside the alphabet, impossible lengths and stray low bits")
    func refusals() {
        #expect(Base64URL.decode("ab+c") == nil)
        #expect(Base64URL.decode("abcd=") == nil)
        #expect(Base64URL.decode("abcde") == nil)
        #expect(Base64URL.decode("AB") == nil)
        #expect(Base64URL.decode("AA") == [0])
    }
}
