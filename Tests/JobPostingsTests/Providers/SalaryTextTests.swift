import Domain
import Foundation
@testable import JobPostings
import Testing

@Suite("Salary text and feed dates")
struct SalaryTextTests {
    struct SalaryCase: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: PayRange?
        var testDescription: String { text }
    }

    static let salaries: [SalaryCase] = [
        SalaryCase(text: "$50,000 - $70,000 per year", expected: PayRange(min: 50_000, max: 70_000, currency: "USD", interval: .year)),
        SalaryCase(text: "$20-$25/hr", expected: PayRange(min: 20, max: 25, currency: "USD", interval: .hour)),
        SalaryCase(text: "€18,50 – €22,00 per hour", expected: PayRange(min: 18.5, max: 22, currency: "EUR", interval: .hour)),
        SalaryCase(text: "45.000 - 55.000 EUR", expected: PayRange(min: 45_000, max: 55_000, currency: "EUR", interval: .year)),
        SalaryCase(text: "Up to £40k a year", expected: PayRange(min: nil, max: 40_000, currency: "GBP", interval: .year)),
        SalaryCase(text: "From CA$3,500 monthly", expected: PayRange(min: 3_500, max: nil, currency: "CAD", interval: .month)),
        SalaryCase(text: "$17.50/hr", expected: PayRange(min: 17.5, max: 17.5, currency: "USD", interval: .hour)),
        SalaryCase(text: "Competitive", expected: nil),
        SalaryCase(text: "$25", expected: nil),
        SalaryCase(text: "$50,00,000 per year", expected: nil),
        SalaryCase(text: "$20 per hour or $45,000 per year", expected: nil),
        SalaryCase(text: "1 - 2 - 3 per year", expected: nil),
    ]

    @Test("salary text is read conservatively", arguments: salaries)
    func salaryText(_ salary: SalaryCase) {
        #expect(SalaryText.parse(salary.text) == salary.expected)
    }

    @Test("feed dates in RFC 822 and ISO 8601, a wrong weekday ignored", arguments: [
        ("Fri, 10 Dec 2026 22:49:39 GMT", "2026-12-10T22:49:39Z"),
        ("Thu, 10 Dec 2026 22:49:39 +0100", "2026-12-10T21:49:39Z"),
        ("10 Dec 2026 22:49:39 GMT", "2026-12-10T22:49:39Z"),
        ("2026-12-10T22:49:39-05:00", "2026-12-11T03:49:39Z"),
        ("2026-12-10 08:00:00", "2026-12-10T08:00:00Z"),
        ("2026-12-10", "2026-12-10T00:00:00Z"),
    ])
    func feedDates(text: String, expected: String) {
        #expect(FeedDates().parse(text).map(Timestamps.format) == expected)
    }
}
