import Domain
import Foundation

/// Ashby's public job posting API: `GET {base}/posting-api/job-board/{board}?includeCompensation=true`, one
/// answer `{apiVersion, jobs: […]}` for the whole board.
///
/// - Unlisted jobs (`isListed: false`) are skipped and counted, as "unlisted".
/// - Description: `descriptionHtml` and `descriptionPlain`. Location: `location` (the primary one).
/// - Employment type: `FullTime`, `PartTime`, `Intern`, `Contract`, `Temporary` → full_time, part_time,
///   internship, contract, temporary.
/// - Remote: `workplaceType` decides when present (`Remote` only; `Hybrid` and `OnSite` are not remote);
///   without it, `isRemote`, or "remote" in the location.
/// - Pay: the `Salary` components of `compensation.summaryComponents`, else of every `compensationTiers`
///   entry, in the first one's currency and interval (`1 YEAR`, `1 HOUR`, …; other intervals give no pay):
///   lowest `minValue` to highest `maxValue`. Equity, bonus and commission components are ignored.
/// - Posted date: `publishedAt`. Apply URL: `jobUrl` (the posting page), else `applyUrl`.
/// - Company: the answer's organization name when it has one, else the board name, capitalised.
public struct AshbyProvider: JobProvider {
    public let kind = ProviderKind.ashby
    public static let defaultBase = "https://api.ashbyhq.com"

    let http: ProviderHTTP

    public init(http: ProviderHTTP) {
        self.http = http
    }

    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        let board = try ProviderMapping.required(source.parameters.board, .board, for: source)
        let base = ProviderMapping.base(source, default: Self.defaultBase)
        let url = try ProviderHTTP.url(
            base: base, path: "/posting-api/job-board/" + ProviderHTTP.segment(board), query: [("includeCompensation", "true")])
        let document = try ProviderMapping.json(try await http.get(url), from: kind)
        guard case .array(let jobs)? = document["jobs"] else {
            throw ProviderError.malformed("an Ashby job board is an object with a 'jobs' array")
        }
        let company = ProviderMapping.string(document["organizationName"])
            ?? ProviderMapping.string(document["organization"]?["name"])
            ?? ProviderMapping.capitalized(token: board)

        var builder = ListingBuilder()
        for job in jobs {
            guard let id = builder.identify(job) else { continue }
            if job["isListed"] == .bool(false) {
                builder.skip(id, "unlisted")
                continue
            }
            builder.add(fields(of: job, id: id, company: company), externalID: id)
        }
        return builder.listing
    }

    func fields(of job: JSONValue, id: String, company: String) -> DraftFields {
        var fields = DraftFields(provider: kind, externalID: id)
        fields["title"] = ProviderMapping.string(job["title"])
        fields["description_html"] = job["descriptionHtml"]?.stringValue
        fields["description"] = job["descriptionPlain"]?.stringValue
        fields["company"] = company
        let location = ProviderMapping.string(job["location"]) ?? ProviderMapping.string(job["location"]?["name"])
        fields["location"] = location
        let remote: Bool
        if let workplace = job["workplaceType"]?.stringValue?.lowercased(), !workplace.isEmpty {
            remote = workplace == "remote"
        } else {
            remote = job["isRemote"] == .bool(true) || ProviderMapping.mentionsRemote(location)
        }
        fields.set("remote", bool: remote)
        fields["employment_type"] = ProviderMapping.employmentType(job["employmentType"]?.stringValue)
        fields.set(pay: Self.payRange(job["compensation"]))
        fields["posted_date"] = ProviderMapping.isoDate(job["publishedAt"]?.stringValue)
        fields["apply_url"] = ProviderMapping.string(job["jobUrl"]) ?? ProviderMapping.string(job["applyUrl"])
        return fields
    }

    /// The salary range of `compensation`: summary components first, then every tier's components.
    static func payRange(_ compensation: JSONValue?) -> PayRange? {
        guard let compensation else { return nil }
        var components: [JSONValue] = []
        if case .array(let summary)? = compensation["summaryComponents"] { components = summary }
        if !components.contains(where: isSalary), case .array(let tiers)? = compensation["compensationTiers"] {
            for tier in tiers {
                if case .array(let items)? = tier["components"] { components += items }
            }
        }
        let salaries = components.filter(isSalary).compactMap { component -> PayRange? in
            guard let interval = component["interval"]?.stringValue.flatMap(Self.interval) else { return nil }
            return PayRange(
                min: ProviderMapping.number(component["minValue"]), max: ProviderMapping.number(component["maxValue"]),
                currency: component["currencyCode"]?.stringValue, interval: interval)
        }
        guard let first = salaries.first else { return nil }
        let alike = salaries.filter { $0.currency == first.currency && $0.interval == first.interval }
        return PayRange(
            min: alike.compactMap(\.min).min(), max: alike.compactMap(\.max).max(),
            currency: first.currency, interval: first.interval)
    }

    private static func isSalary(_ component: JSONValue) -> Bool {
        component["compensationType"]?.stringValue?.lowercased() == "salary"
    }

    /// `1 YEAR`, `1 HOUR` and the like; a count other than one is not a pay interval Wayfinder keeps.
    static func interval(_ text: String) -> PayInterval? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, parts[0] == "1" else { return nil }
        return PayInterval(lenient: String(parts[1]))
    }
}
