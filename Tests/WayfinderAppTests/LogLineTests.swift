import Foundation
import Testing
@testable import WayfinderApp

/// The JSON log line is written by hand for speed; it must still be JSON that any log shipper parses.
@Suite("JSON log lines")
struct LogLineTests {
    @Test("strings with quotes, backslashes, newlines and control characters stay valid JSON")
    func stringsAreEscaped() throws {
        let tricky = "say \"hi\"\\ now\nnext\tcol\r\u{01}é✓"
        var line: [UInt8] = []
        JSONLinesLogHandler.appendString(tricky, to: &line)
        let decoded = try JSONDecoder().decode(String.self, from: Data(line))
        #expect(decoded == tricky)
    }

    @Test("timestamps are UTC with milliseconds, as ISO 8601 readers expect")
    func timestampsAreISO8601() throws {
        let date = Date(timeIntervalSince1970: 1_796_180_645.6785)
        #expect(JSONLinesLogHandler.timestamp(date) == "2026-12-02T03:04:05.678Z")
        let parsed = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(JSONLinesLogHandler.timestamp(date))
        #expect(abs(parsed.timeIntervalSince1970 - 1_796_180_645.678) < 0.001)
    }
}
