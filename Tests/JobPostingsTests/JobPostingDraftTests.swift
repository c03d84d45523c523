import Domain
import Foundation
import JobPostings
import Testing

@Suite("Posting validation")
struct JobPostingDraftTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func draft(_ json: String) throws -> JobPostingDraft {
        guard case .object(let fields) = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else {
            throw DomainError.badRequest("not an object")
        }
        return JobPostingDraft(fields: fields)
    }

    @Test("a seed-format line normalizes, salary per year in USD by default")
    func seedFormat() throws {
        let posting = try draft("""
            {"job_id":"greenhouse#123","provider_id":"greenhouse","title":" Backend Engineer ","description":"Build APIs.",
             "company":"Acme","location":"Remote","remote":true,"min_salary":100000,"max_salary":null,
             "posted_date":"2026-11-01","apply_url":"https://acme.example/jobs/123","expires_at":"2026-12-31T00:00:00Z"}
            """).normalize(updatedAt: now).get()
        #expect(posting.title == "Backend Engineer")
        #expect(posting.minSalary == 100_000)
        #expect(posting.maxSalary == nil)
        #expect(posting.currency == "USD")
        #expect(posting.payInterval == .year)
        #expect(posting.remote)
        #expect(posting.status == .open)
        #expect(posting.postedDate == Timestamps.parse("2026-11-01"))
    }

    @Test("hourly pay is stored per year and remembers its interval")
    func hourly() throws {
        let posting = try draft("""
            {"job_id":"x#1","title":"Barista","description":"Coffee.","company":"Beans","posted_date":"2026-11-01",
             "min_salary":15,"max_salary":20,"interval":"hour","currency":"eur","employment_type":"PART_TIME"}
            """).normalize(updatedAt: now).get()
        #expect(posting.providerID == "x")
        #expect(posting.minSalary == 15 * 2080)
        #expect(posting.maxSalary == 20 * 2080)
        #expect(posting.currency == "EUR")
        #expect(posting.payInterval == .hour)
        #expect(posting.employmentType == .partTime)
    }

    @Test("HTML descriptions are sanitized and give the plain text")
    func htmlDescription() throws {
        let posting = try draft("""
            {"job_id":"x#2","title":"T","company":"C","posted_date":"2026-11-01",
             "description":"<p>Hello <b>world</b><script>x()</script></p>"}
            """).normalize(updatedAt: now).get()
        #expect(posting.description == "Hello world")
        #expect(posting.descriptionHTML == "<p>Hello <b>world</b></p>")
    }

    @Test("every invalid field is reported at once")
    func fieldErrors() throws {
        let result = try draft("""
            {"title":"","company":42,"posted_date":"yesterday","min_salary":-5,"max_salary":"lots",
             "apply_url":"javascript:alert(1)","currency":"DOLLARS","employment_type":"forever","remote":"maybe",
             "expires_at":"2020-01-01"}
            """).normalize(updatedAt: now)
        guard case .failure(.invalid(_, let errors)) = result else {
            Issue.record("expected validation errors, got \(result)")
            return
        }
        let fields = Set(errors.map(\.field))
        #expect(fields == [
            "job_id", "provider_id", "title", "description", "company", "posted_date", "min_salary", "max_salary",
            "apply_url", "currency", "employment_type", "remote",
        ])
    }

    @Test("max below min and expiry before posting are rejected")
    func ranges() throws {
        let result = try draft("""
            {"job_id":"x#3","title":"T","description":"D","company":"C","posted_date":"2026-11-10",
             "min_salary":90000,"max_salary":50000,"expires_at":"2026-11-01"}
            """).normalize(updatedAt: now)
        guard case .failure(.invalid(_, let errors)) = result else { Issue.record("expected errors"); return }
        #expect(Set(errors.map(\.field)) == ["max_salary", "expires_at"])
    }

    @Test("the content fingerprint ignores updated_at only")
    func fingerprint() throws {
        let base = try draft("""
            {"job_id":"x#4","title":"T","description":"D","company":"C","posted_date":"2026-11-10"}
            """)
        let first = try base.normalize(updatedAt: now).get()
        let later = try base.normalize(updatedAt: now.addingTimeInterval(3_600)).get()
        #expect(first.contentFingerprint == later.contentFingerprint)
        var changed = first
        changed.title = "T2"
        #expect(changed.contentFingerprint != first.contentFingerprint)
    }
}
