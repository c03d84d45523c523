import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Indeed-style XML feed at `source.parameters.url`:
/// `<source><publisher/><job><title/><date/><referencenumber/><url/><company/><city/><state/><country/>
/// <description/><salary/><jobtype/><expirationdate/><remotetype/></job>…</source>` (a `<jobs>` root is read too).
///
/// - `job_id` is `xmlfeed#<referencenumber>`; a job without a reference number or a title is skipped.
/// - Dates (`date`, `expirationdate`) in RFC 822 (`Fri, 10 Dec 2026 22:49:39 GMT`) or ISO 8601; a job whose
///   expiration date has passed is skipped as "expired".
/// - Location: city, state and country, comma-separated. Company: `company`, else the feed's `publisher`.
/// - Remote: `remotetype` mentions remote but not hybrid, or the location says "remote".
/// - Salary: read from text such as "$50,000 - $70,000 per year" by `SalaryText`; text it cannot read
///   confidently gives no salary, and the posting is kept.
/// - Broken XML, or another root element, is `ProviderError.malformed`.
public struct XMLFeedProvider: JobProvider {
    public let kind = ProviderKind.xmlfeed

    let http: ProviderHTTP

    public init(http: ProviderHTTP) {
        self.http = http
    }

    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        let url = try ProviderMapping.feedURL(of: source)
        let data = try await http.get(url, accept: "application/xml, text/xml;q=0.9")
        let feed = try IndeedFeed.parse(data)
        let now = http.clock.now()
        let dates = FeedDates()

        var builder = ListingBuilder()
        for job in feed.jobs {
            guard let reference = job["referencenumber"] else {
                builder.skip(nil, "no reference number")
                continue
            }
            guard job["title"] != nil else {
                builder.skip(reference, "no title")
                continue
            }
            var fields = DraftFields(provider: kind, externalID: reference)
            fields["title"] = job["title"]
            fields["description_html"] = job["description"]
            fields["company"] = job["company"] ?? feed.publisher
            let location = ["city", "state", "country"].compactMap { job[$0] }.joined(separator: ", ")
            fields["location"] = location
            let remoteType = job["remotetype"]?.lowercased() ?? ""
            let remote = (ProviderMapping.mentionsRemote(remoteType) && !remoteType.contains("hybrid"))
                || ProviderMapping.mentionsRemote(location)
            fields.set("remote", bool: remote)
            fields["employment_type"] = job["jobtype"].flatMap { types in
                types.split(separator: ",").lazy.compactMap { ProviderMapping.employmentType(String($0)) }.first
            }
            fields.set(pay: job["salary"].flatMap(SalaryText.parse))
            fields["posted_date"] = job["date"].flatMap(dates.parse).map(Timestamps.format)
            fields["apply_url"] = job["url"]
            if let expiry = job["expirationdate"].flatMap(dates.parse) {
                if expiry <= now {
                    builder.skip(reference, "expired")
                    continue
                }
                fields["expires_at"] = Timestamps.format(expiry)
            }
            builder.add(fields, externalID: reference)
        }
        return builder.listing
    }
}
