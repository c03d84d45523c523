import Domain
import Foundation

/// Lever's public postings API: `GET {base}/v0/postings/{site}?mode=json&skip=N&limit=100`, page by page.
///
/// - Paging ends at a page shorter than the limit. A page with no posting not seen before also ends it (a
///   server that ignores `skip` would otherwise be asked forever); the listing is then marked incomplete,
///   unless the first page was already longer than the limit (the server ignored the limit too and sent all).
/// - Title: `text`. Location: `categories.location`, else the first of `categories.allLocations`.
/// - Employment type: `categories.commitment` when it is a known spelling ("Full-time", "Intern", …).
/// - Remote: `workplaceType` is `remote`, or the location says "remote".
/// - Pay: `salaryRange` {min, max, currency, interval}; the interval (`per-year-salary`, `per-hour-wage`, …)
///   is read by its unit word; an interval without one (`one-time`) gives no pay.
/// - Description: `description` (HTML), then each of `lists` as a heading and a `<ul>`, then `additional`;
///   `descriptionPlain` when there is no HTML.
/// - Posted date: `createdAt` (epoch milliseconds). Apply URL: `hostedUrl` (the posting page), else `applyUrl`.
/// - Company: Lever does not name the company, so the site name, capitalised.
public struct LeverProvider: JobProvider {
    public let kind = ProviderKind.lever
    public static let defaultBase = "https://api.lever.co"

    let http: ProviderHTTP
    let pageSize: Int
    /// Stops a runaway listing: at most this many pages per sync.
    let maximumPages: Int

    public init(http: ProviderHTTP, pageSize: Int = 100, maximumPages: Int = 500) {
        self.http = http
        self.pageSize = max(1, pageSize)
        self.maximumPages = max(1, maximumPages)
    }

    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        let site = try ProviderMapping.required(source.parameters.site, .site, for: source)
        let base = ProviderMapping.base(source, default: Self.defaultBase)
        let path = "/v0/postings/" + ProviderHTTP.segment(site)

        var postings: [JSONValue] = []
        var seen: Set<String> = []
        var complete = true
        var firstPageCount = 0
        for page in 0..<maximumPages {
            let url = try ProviderHTTP.url(base: base, path: path, query: [
                ("mode", "json"), ("skip", String(page * pageSize)), ("limit", String(pageSize)),
            ])
            guard case .array(let items) = try ProviderMapping.json(try await http.get(url), from: kind) else {
                throw ProviderError.malformed("a Lever postings page is a JSON array")
            }
            if page == 0 { firstPageCount = items.count }
            // Postings without an id are kept (and skipped later with a reason) but say nothing about paging.
            var fresh: [JSONValue] = []
            var newIDs = 0
            for item in items {
                guard let id = ProviderMapping.string(item["id"]) else {
                    fresh.append(item)
                    continue
                }
                if seen.insert(id).inserted {
                    fresh.append(item)
                    newIDs += 1
                }
            }
            if page > 0 && newIDs == 0 && fresh.count < items.count {
                complete = firstPageCount > pageSize
                break
            }
            postings += fresh
            if items.count < pageSize { break }
            if page == maximumPages - 1 { complete = false }
        }

        let company = ProviderMapping.capitalized(token: site)
        var builder = ListingBuilder()
        builder.isComplete = complete
        for posting in postings {
            guard let id = builder.identify(posting, noun: "posting") else { continue }
            builder.add(fields(of: posting, id: id, company: company), externalID: id)
        }
        return builder.listing
    }

    func fields(of posting: JSONValue, id: String, company: String) -> DraftFields {
        var fields = DraftFields(provider: kind, externalID: id)
        fields["title"] = ProviderMapping.string(posting["text"])
        let categories = posting["categories"]
        var location = ProviderMapping.string(categories?["location"])
        if location == nil, case .array(let all)? = categories?["allLocations"] {
            location = all.lazy.compactMap(ProviderMapping.string).first
        }
        fields["location"] = location
        fields["company"] = company
        fields["employment_type"] = ProviderMapping.employmentType(categories?["commitment"]?.stringValue)
        let workplace = posting["workplaceType"]?.stringValue?.lowercased()
        fields.set("remote", bool: workplace == "remote" || ProviderMapping.mentionsRemote(location))
        fields.set(pay: Self.payRange(posting["salaryRange"]))
        fields["description_html"] = Self.descriptionHTML(posting)
        if fields["description_html"] == nil {
            fields["description"] = posting["descriptionPlain"]?.stringValue
        }
        fields["posted_date"] = ProviderMapping.isoDate(epochMilliseconds: posting["createdAt"])
        fields["apply_url"] = ProviderMapping.string(posting["hostedUrl"]) ?? ProviderMapping.string(posting["applyUrl"])
        return fields
    }

    /// The description, the lists (requirements, benefits, …) and the closing text as one HTML document.
    static func descriptionHTML(_ posting: JSONValue) -> String? {
        var parts: [String] = []
        if let description = ProviderMapping.string(posting["description"]) { parts.append(description) }
        if case .array(let lists)? = posting["lists"] {
            for list in lists {
                guard let content = ProviderMapping.string(list["content"]) else { continue }
                if let heading = ProviderMapping.string(list["text"]) { parts.append("<h3>" + HTMLText.escape(heading) + "</h3>") }
                parts.append("<ul>" + content + "</ul>")
            }
        }
        if let additional = ProviderMapping.string(posting["additional"]) { parts.append(additional) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// `salaryRange` with its interval read from the unit word of `per-year-salary`, `per-hour-wage` and the like.
    static func payRange(_ value: JSONValue?) -> PayRange? {
        guard let value, let interval = value["interval"]?.stringValue.flatMap(Self.interval) else { return nil }
        return PayRange(
            min: ProviderMapping.number(value["min"]), max: ProviderMapping.number(value["max"]),
            currency: value["currency"]?.stringValue, interval: interval)
    }

    static func interval(_ text: String) -> PayInterval? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        for word in words {
            if let interval = PayInterval(lenient: String(word)) { return interval }
        }
        return nil
    }
}
