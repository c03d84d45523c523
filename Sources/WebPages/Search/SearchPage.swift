import Domain
import Foundation
import JobPostings

/// The view model of `/`: the form's state, results, facets you can click, paging and an empty state.
struct SearchPage {
    struct Form {
        var text: String
        var location: String
        var minSalary: String
        var remote: Bool
        var sortByDate: Bool
        var sortByMatch: Bool
        /// Ordering by fit needs a signed-in seeker.
        var canSortByMatch: Bool
    }

    struct Result {
        var url: String
        var titleHTML: String
        var company: String
        var location: String
        var remote: Bool
        var salary: String?
        var posted: String
        var postedISO: String
        var snippetHTML: String
        var match: Int?
    }

    struct FacetValue {
        var label: String
        var count: Int
        var href: String
        var selected: Bool
    }

    struct Facet {
        var title: String
        var values: [FacetValue]
    }

    var query: Form
    var errors: [FieldError]
    /// Stored, not computed: templates read models by reflection, which sees stored properties only.
    var hasErrors: Bool
    var results: [Result]
    var facets: [Facet]
    var totalText: String
    var hasResults: Bool
    var firstPageURL: String?
    var nextPageURL: String?
    var saveURL: String?
    var suggestions: [String]

    init(query: JobSearchQuery, results: JobSearchResults?, errors: [FieldError], signedIn: Bool) {
        self.query = Form(
            text: query.text, location: query.locations.first ?? "", minSalary: query.minSalary.map(String.init) ?? "",
            remote: query.remote == true, sortByDate: query.sort == .date, sortByMatch: query.sort == .match,
            canSortByMatch: signedIn
        )
        self.errors = errors
        hasErrors = !errors.isEmpty
        let hits = results?.hits ?? []
        self.results = hits.map { hit in
            Result(
                url: PostingText.url(hit.posting.jobID), titleHTML: hit.highlights.title, company: hit.posting.company,
                location: hit.posting.location, remote: hit.posting.remote, salary: PostingText.salary(hit.posting),
                posted: PostingText.date(hit.posting.postedDate), postedISO: PostingText.isoDate(hit.posting.postedDate),
                snippetHTML: hit.highlights.description, match: hit.match
            )
        }
        let total = results?.total ?? 0
        totalText = total == 1 ? "1 job" : "\(PostingText.grouped(total)) jobs"
        hasResults = !hits.isEmpty
        facets = results.map { Self.facets($0.facets, query: query) } ?? []
        var first = query
        first.cursor = nil
        firstPageURL = query.cursor == nil ? nil : Self.url(first)
        if let cursor = results?.nextCursor {
            var next = first
            next.cursor = cursor
            nextPageURL = Self.url(next) + "&cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor)
        }
        let searchable = !query.canonicalQueryString.isEmpty
        saveURL = signedIn && searchable ? "/account/searches/new?" + query.canonicalQueryString : nil
        suggestions = Self.suggestions(for: query)
    }

    /// `/` with the query's parameters (the cursor is added separately: it is not part of a search).
    static func url(_ query: JobSearchQuery) -> String {
        let string = query.canonicalQueryString
        return string.isEmpty ? "/?" : "/?" + string
    }

    private static func facets(_ facets: JobFacets, query: JobSearchQuery) -> [Facet] {
        func toggled(_ change: (inout JobSearchQuery) -> Void) -> String {
            var next = query
            next.cursor = nil
            change(&next)
            return url(next)
        }
        var result: [Facet] = []
        let remote = facets.remote.map { count -> FacetValue in
            let value = count.value == "true"
            let selected = query.remote == value
            return FacetValue(label: value ? "Remote" : "On site", count: count.count,
                              href: toggled { $0.remote = selected ? nil : value }, selected: selected)
        }
        if !remote.isEmpty { result.append(Facet(title: "Remote", values: remote)) }
        // Locations and companies: free-text values, compared without regard to case, several allowed.
        func textValues(_ counts: [FacetCount], _ field: WritableKeyPath<JobSearchQuery, [String]>) -> [FacetValue] {
            counts.prefix(8).map { count in
                let matches: (String) -> Bool = { $0.caseInsensitiveCompare(count.value) == .orderedSame }
                let selected = query[keyPath: field].contains(where: matches)
                return FacetValue(label: count.value, count: count.count, href: toggled { query in
                    if selected { query[keyPath: field].removeAll(where: matches) } else { query[keyPath: field].append(count.value) }
                }, selected: selected)
            }
        }
        for (title, values) in [("Location", textValues(facets.location, \.locations)), ("Company", textValues(facets.company, \.companies)),
                                ("Skill", textValues(facets.skills, \.skills))]
        where !values.isEmpty {
            result.append(Facet(title: title, values: values))
        }
        let types = facets.employmentType.compactMap { count -> FacetValue? in
            guard let type = EmploymentType(rawValue: count.value) else { return nil }
            let selected = query.employmentTypes.contains(type)
            return FacetValue(label: PostingText.employmentType(type) ?? count.value, count: count.count, href: toggled { query in
                if selected { query.employmentTypes.removeAll { $0 == type } } else { query.employmentTypes.append(type) }
            }, selected: selected)
        }
        if !types.isEmpty { result.append(Facet(title: "Type", values: types)) }
        let salaries = facets.salaryRanges.filter { $0.count > 0 }.map { range in
            let upper = range.to.map { $0 - 1 }
            let selected = query.minSalary == range.from && query.maxSalary == upper
            let label = range.to.map { "\(range.from / 1_000)k–\($0 / 1_000)k" } ?? "\(range.from / 1_000)k and more"
            return FacetValue(label: label, count: range.count, href: toggled { query in
                query.minSalary = selected ? nil : range.from
                query.maxSalary = selected ? nil : upper
            }, selected: selected)
        }
        if !salaries.isEmpty { result.append(Facet(title: "Salary per year", values: salaries)) }
        return result
    }

    private static func suggestions(for query: JobSearchQuery) -> [String] {
        var tips: [String] = []
        if query.text.split(separator: " ").count > 1 { tips.append("Use fewer words: every word must match.") }
        if !query.locations.isEmpty { tips.append("Search without a location, or try a nearby city.") }
        if query.remote != nil { tips.append("Include on-site and remote jobs.") }
        if query.hasSalaryFilter { tips.append("Lower the salary filter: postings without a salary are left out.") }
        if !query.companies.isEmpty || !query.employmentTypes.isEmpty { tips.append("Remove a company or job-type filter.") }
        tips.append("Check the spelling, or try a broader title such as “engineer” or “nurse”.")
        return tips
    }
}
