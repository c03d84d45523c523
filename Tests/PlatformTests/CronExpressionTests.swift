import Foundation
import Platform
import Testing

@Suite("Cron expressions")
struct CronExpressionTests {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func next(_ expression: String, after: String) throws -> String? {
        try CronExpression(expression).next(after: Self.date(after)).map { ISO8601DateFormatter().string(from: $0) }
    }

    @Test("every six hours fires on the next multiple of six, never at the instant itself")
    func everySixHours() throws {
        #expect(try next("0 */6 * * *", after: "2026-11-30T23:14:00Z") == "2026-12-01T00:00:00Z")
        #expect(try next("0 */6 * * *", after: "2026-12-01T00:00:00Z") == "2026-12-01T06:00:00Z")
    }

    @Test("the AWS form with ? and a year reads like its 5-field twin")
    func awsForm() throws {
        #expect(try next("cron(0 */6 * * ? *)", after: "2026-11-30T23:14:00Z") == "2026-12-01T00:00:00Z")
        // AWS counts Sunday as 1: MON is 2.
        #expect(try next("cron(30 9 ? * 2 *)", after: "2026-11-30T10:00:00Z") == "2026-12-07T09:30:00Z")
        #expect(try next("cron(0 0 1 1 ? 2027)", after: "2026-11-30T10:00:00Z") == "2027-01-01T00:00:00Z")
        #expect(try next("cron(0 0 1 1 ? 2025)", after: "2026-11-30T10:00:00Z") == nil)
    }

    @Test("names, ranges, lists and steps")
    func fieldSyntax() throws {
        #expect(try next("15 8-10/2 * JAN,DEC MON-FRI", after: "2026-12-04T10:20:00Z") == "2026-12-07T08:15:00Z")
        #expect(try next("@daily", after: "2026-11-30T10:00:00Z") == "2026-12-01T00:00:00Z")
        #expect(try next("0 12 * * 7", after: "2026-11-30T13:00:00Z") == "2026-12-06T12:00:00Z")
    }

    @Test("restricting both day of month and weekday fires on either, as cron does")
    func dayOrWeekday() throws {
        // The 15th or any Friday: Friday 4 December comes first.
        #expect(try next("0 0 15 * FRI", after: "2026-12-01T00:00:00Z") == "2026-12-04T00:00:00Z")
    }

    @Test("leap days and impossible dates")
    func calendarEdges() throws {
        #expect(try next("0 0 29 2 *", after: "2026-03-01T00:00:00Z") == "2028-02-29T00:00:00Z")
        #expect(try next("0 0 31 2 *", after: "2026-03-01T00:00:00Z") == nil)
    }

    @Test("bad expressions say what is wrong", arguments: [
        "* * * *", "61 * * * *", "*/0 * * * *", "0 0 L * *", "cron(0 0 * * * *)", "cron(0 0 ? * ? *)", "5-1 * * * *",
    ])
    func rejects(_ expression: String) {
        #expect(throws: CronError.self) { try CronExpression(expression) }
    }
}
