import Domain
import Foundation

/// schema.org `JobPosting`s at `source.parameters.url`: a JSON-LD document (one posting, an array, or an
/// `@graph`) or an HTML page carrying `<script type="application/ld+json">` blocks, told apart by their first byte.
///
/// The mapping is `JobFeedParser`'s (`SchemaOrgJobPosting`): `job_id` is `jsonld#<identifier>`, the identifier
/// falling back to the posting's `url`; `baseSalary` with its `unitText`; `jobLocationType: TELECOMMUTE` is remote.
/// On top of it the adapter:
/// - skips, as "expired", postings whose `validThrough` has passed, and postings whose id repeats;
/// - writes the dates as UTC, drops an employment type it cannot read, and drops a salary whose amounts or
///   unit it cannot read, rather than losing the posting;
/// - answers an incomplete listing (nothing is closed) for an HTML page with no JSON-LD at all, or with a
///   block that is not valid JSON, since postings may be missing for reasons other than being closed.
/// A JSON document that is a single object other than a `JobPosting` or `@graph` is malformed.
public struct JSONLDProvider: JobProvider {
    public let kind = ProviderKind.jsonld

    let http: ProviderHTTP

    public init(http: ProviderHTTP) {
        self.http = http
    }

    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        let url = try ProviderMapping.feedURL(of: source)
        let data = try await http.get(url, accept: "application/ld+json, application/json;q=0.9, text/html;q=0.8")
        let parser = JobFeedParser(provider: kind.rawValue)

        var builder = ListingBuilder()
        let records: [JobFeedRecord]
        switch Self.firstByte(of: data) {
        case UInt8(ascii: "<"):
            guard let html = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
                throw ProviderError.malformed("the page at \(url.absoluteString) is not text")
            }
            records = parser.parseHTML(html)
            if JSONLDBlocks.extract(from: html).isEmpty { builder.isComplete = false }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let document = try ProviderMapping.json(data, from: kind)
            if case .object(let object) = document, object["@graph"] == nil, !SchemaOrgJobPosting.isJobPosting(object) {
                throw ProviderError.malformed("the JSON at \(url.absoluteString) is neither a JobPosting, a list of them, nor an @graph")
            }
            records = parser.parseJSONLD(document)
        default:
            throw ProviderError.malformed("the answer from \(url.absoluteString) is neither JSON-LD nor HTML")
        }

        let now = http.clock.now()
        for record in records {
            switch record.draft {
            case .failure(let error):
                builder.skip(nil, "item \(record.position): \(error.summary)")
                builder.isComplete = false
            case .success(let draft):
                add(draft, to: &builder, now: now, position: record.position)
            }
        }
        return builder.listing
    }

    private func add(_ draft: JobPostingDraft, to builder: inout ListingBuilder, now: Date, position: Int) {
        var fields = DraftFields(mapped: draft.fields)
        let prefix = kind.rawValue + "#"
        guard let jobID = fields["job_id"], jobID.hasPrefix(prefix), jobID.count > prefix.count else {
            builder.skip(nil, "item \(position): no identifier or url")
            return
        }
        let externalID = String(jobID.dropFirst(prefix.count))
        if let expires = fields["expires_at"] {
            if let date = Timestamps.parse(expires) {
                if date <= now {
                    builder.skip(externalID, "expired")
                    return
                }
                fields["expires_at"] = Timestamps.format(date)
            } else {
                fields.remove("expires_at")
            }
        }
        fields["posted_date"] = ProviderMapping.isoDate(fields["posted_date"])
        if fields.value("employment_type") != nil {
            fields["employment_type"] = ProviderMapping.employmentType(fields["employment_type"])
        }
        if fields.value("min_salary") != nil || fields.value("max_salary") != nil {
            let interval = fields.value("interval") == nil ? PayInterval.year : fields["interval"].flatMap(PayInterval.init(lenient:))
            let pay = interval.flatMap {
                PayRange(
                    min: ProviderMapping.number(fields.value("min_salary")), max: ProviderMapping.number(fields.value("max_salary")),
                    currency: fields["currency"], interval: $0)
            }
            for key in ["min_salary", "max_salary", "currency", "interval"] { fields.remove(key) }
            fields.set(pay: pay)
        }
        builder.add(fields, externalID: externalID)
    }

    private static func firstByte(of data: Data) -> UInt8? {
        data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
    }
}
