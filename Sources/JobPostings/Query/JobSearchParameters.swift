import Domain
import Foundation

/// Reads `GET /api/v1/jobs` parameters into a query, naming every bad parameter at once.
public enum JobSearchParameters {
    public static let known: Set<String> = [
        "q", "location", "remote", "min_salary", "max_salary", "currency", "posted_after", "company", "provider",
        "employment_type", "skill", "sort", "limit", "cursor",
    ]
    static let maximumQueryLength = 512

    public static func parse(_ parameters: QueryParameters) throws -> JobSearchQuery {
        var errors: [FieldError] = []
        var query = JobSearchQuery()
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }

        for name in parameters.names.subtracting(known).sorted() { fail(name, "is not a known parameter") }
        query.text = parameters["q"] ?? ""
        if query.text.count > maximumQueryLength { fail("q", "must be at most \(maximumQueryLength) characters") }
        query.locations = parameters.all("location")
        query.companies = parameters.all("company")
        query.skills = parameters.all("skill")
        query.providers = parameters.all("provider", splittingCommas: true)
        if let remote = parameters["remote"] {
            switch remote.lowercased() {
            case "true", "1": query.remote = true
            case "false", "0": query.remote = false
            default: fail("remote", "must be true or false")
            }
        }
        for name in ["min_salary", "max_salary"] {
            guard let text = parameters[name] else { continue }
            guard let value = Int(text), value >= 0 else { fail(name, "must be a non-negative integer"); continue }
            if name == "min_salary" { query.minSalary = value } else { query.maxSalary = value }
        }
        if let minimum = query.minSalary, let maximum = query.maxSalary, minimum > maximum {
            fail("max_salary", "must not be less than min_salary")
        }
        if let currency = parameters["currency"] {
            if currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) { query.currency = currency.uppercased() }
            else { fail("currency", "must be a three-letter ISO 4217 code") }
        }
        if let posted = parameters["posted_after"] {
            if let date = Timestamps.parse(posted) { query.postedAfter = date }
            else { fail("posted_after", "must be an ISO-8601 date or date-time") }
        }
        for type in parameters.all("employment_type", splittingCommas: true) {
            if let value = EmploymentType(lenient: type) { query.employmentTypes.append(value) }
            else { fail("employment_type", "must be one of \(EmploymentType.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        if let sort = parameters["sort"] {
            if let value = JobSearchSort(rawValue: sort) { query.sort = value }
            else { fail("sort", "must be relevance, date or match") }
        }
        if let limit = parameters["limit"] {
            if let value = Int(limit), (1...JobSearchQuery.maximumLimit).contains(value) { query.limit = value }
            else { fail("limit", "must be an integer from 1 to \(JobSearchQuery.maximumLimit)") }
        }
        query.cursor = parameters["cursor"].flatMap { $0.isEmpty ? nil : $0 }
        guard errors.isEmpty else {
            throw DomainError.badRequest("Some search parameters are invalid.", fieldErrors: errors)
        }
        return query
    }
}
