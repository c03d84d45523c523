import Foundation
import JobPostings
import Testing
@testable import WebPages

@Suite("Posting text")
struct PostingTextTests {
    @Test("dates read the same as Foundation's UTC calendar says, across leap years and centuries")
    func dates() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for seconds in stride(from: -2_208_988_800.0, to: 4_102_444_800, by: 86_400 * 37 + 3_607) {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(PostingText.isoDate(date) == expected)
        }
        #expect(PostingText.date(Date(timeIntervalSince1970: 1_795_000_000)) == "Nov 18, 2026")
    }

    @Test("amounts are grouped by thousands")
    func grouping() {
        #expect(PostingText.grouped(0) == "0")
        #expect(PostingText.grouped(999) == "999")
        #expect(PostingText.grouped(60_000) == "60,000")
        #expect(PostingText.grouped(1_234_567) == "1,234,567")
    }
}
