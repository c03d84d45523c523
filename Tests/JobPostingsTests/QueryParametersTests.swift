import Foundation
import Testing
@testable import JobPostings

/// Query strings are decoded on bytes; the result must be what form decoding with Foundation gives.
@Suite("Query parameters")
struct QueryParametersTests {
    @Test("values decode as Foundation's form decoding does, invalid ones included", arguments: [
        "plain", "a+b", "a%20b", "%2B", "caf%C3%A9", "%e2%9c%93", "100%", "%4", "%zz", "%C3", "%FF", "", "+%2b+", "x%00y",
    ])
    func decodesLikeFoundation(raw: String) {
        let expected = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        #expect(QueryParameters.decode(raw[...]) == expected)
    }

    @Test("pairs keep repeats and order; a bad value is a 400 naming its field")
    func pairsAndErrors() throws {
        let parameters = try QueryParameters(rawQuery: "q=data+analyst&location=Berlin&location=Paris%2C+FR&empty=")
        #expect(parameters["q"] == "data analyst")
        #expect(parameters.all("location") == ["Berlin", "Paris, FR"])
        #expect(parameters["empty"] == "")
        #expect(throws: (any Error).self) { try QueryParameters(rawQuery: "q=%E2%9C&limit=2") }
    }
}
