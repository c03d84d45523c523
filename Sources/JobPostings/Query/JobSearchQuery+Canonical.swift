import Domain
import Foundation

extension JobSearchQuery {
    /// The query as a `GET /api/v1/jobs` query string in one fixed order, without the page
    /// (`limit`, `cursor`): what a saved search stores, and what reads back to an equal query.
    public var canonicalQueryString: String {
        var pairs: [(String, String)] = []
        if !text.isEmpty { pairs.append(("q", text)) }
        for location in locations.sorted() { pairs.append(("location", location)) }
        if let remote { pairs.append(("remote", remote ? "true" : "false")) }
        if let minSalary { pairs.append(("min_salary", String(minSalary))) }
        if let maxSalary { pairs.append(("max_salary", String(maxSalary))) }
        if let currency { pairs.append(("currency", currency)) }
        if let postedAfter { pairs.append(("posted_after", Timestamps.format(postedAfter))) }
        for company in companies.sorted() { pairs.append(("company", company)) }
        for provider in Set(providers).sorted() { pairs.append(("provider", provider)) }
        for type in Set(employmentTypes.map(\.rawValue)).sorted() { pairs.append(("employment_type", type)) }
        for skill in Set(skills).sorted() { pairs.append(("skill", skill)) }
        if sort != .relevance { pairs.append(("sort", sort.rawValue)) }
        return pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    /// What decides whether two saved searches find the same postings: the canonical query
    /// without its order, compared without regard to case or surrounding spaces of the free text.
    public var matchingKey: String {
        var query = self
        query.sort = .relevance
        query.text = query.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        query.locations = query.locations.map { $0.lowercased() }
        query.companies = query.companies.map { $0.lowercased() }
        query.skills = query.skills.map { $0.lowercased() }
        return query.canonicalQueryString
    }

    private static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
