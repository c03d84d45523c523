import Domain
import Foundation

/// Greenhouse's public Job Board API: `GET {base}/v1/boards/{board}/jobs?content=true`.
///
/// - Description: `content` is the posting's HTML with its markup entity-escaped once more; it is unescaped
///   once and passed as `description_html`.
/// - Company: the job's `company_name`; when a job lacks it, the board's `name` from `GET {base}/v1/boards/{board}`
///   (asked once per sync, its failure tolerated); else the board token, capitalised.
/// - Posted date: `first_published`, else `updated_at`. Apply URL: `absolute_url`. Remote: "remote" in the location.
/// - Employment type: Greenhouse has no field for it; a job-board custom field (`metadata`) named like
///   "Employment Type" is read when its value is a known spelling.
/// - Pay: the list carries no pay. The pay-transparency ranges come only from the per-job endpoint
///   (`GET …/jobs/{id}?pay_transparency=true`, `pay_input_ranges` in cents), so with `payRanges` on the adapter
///   asks it for every listed job, at most `payConcurrency` at a time and through the shared rate limit. A
///   failed per-job answer leaves that job without pay rather than failing the sync; the first throttled
///   answer stops the remaining per-job requests for this sync. Ranges are taken as yearly unless their
///   title says hourly; several ranges (pay zones) in one currency become their overall minimum and maximum.
public struct GreenhouseProvider: JobProvider {
    public let kind = ProviderKind.greenhouse
    public static let defaultBase = "https://boards-api.greenhouse.io"

    let http: ProviderHTTP
    let payRanges: Bool
    let payConcurrency: Int

    public init(http: ProviderHTTP, payRanges: Bool = true, payConcurrency: Int = 4) {
        self.http = http
        self.payRanges = payRanges
        self.payConcurrency = max(1, payConcurrency)
    }

    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        let board = try ProviderMapping.required(source.parameters.board, .board, for: source)
        let base = ProviderMapping.base(source, default: Self.defaultBase)
        let boardPath = "/v1/boards/" + ProviderHTTP.segment(board)
        let url = try ProviderHTTP.url(base: base, path: boardPath + "/jobs", query: [("content", "true")])
        let document = try ProviderMapping.json(try await http.get(url), from: kind)
        guard case .array(let jobs)? = document["jobs"] else {
            throw ProviderError.malformed("a Greenhouse job list is an object with a 'jobs' array")
        }

        let needsBoardName = jobs.contains { ProviderMapping.string($0["company_name"]) == nil }
        let boardName = needsBoardName ? await self.boardName(base: base, path: boardPath) : nil
        let company = boardName ?? ProviderMapping.capitalized(token: board)

        var pay: [String: PayRange] = [:]
        if payRanges {
            let ids = jobs.compactMap { job -> String? in
                guard let id = ProviderMapping.string(job["id"]), ProviderMapping.string(job["title"]) != nil,
                      job["pay_input_ranges"] == nil else { return nil }
                return id
            }
            pay = await fetchPayRanges(ids: ids, base: base, boardPath: boardPath)
        }

        var builder = ListingBuilder()
        for job in jobs {
            guard let id = builder.identify(job) else { continue }
            var fields = DraftFields(provider: kind, externalID: id)
            fields["title"] = ProviderMapping.string(job["title"])
            fields["description_html"] = job["content"]?.stringValue.map(HTMLText.decodeEntities)
            fields["company"] = ProviderMapping.string(job["company_name"]) ?? company
            let location = job["location"]?["name"]?.stringValue
            fields["location"] = location
            fields.set("remote", bool: ProviderMapping.mentionsRemote(location))
            fields["employment_type"] = Self.employmentType(metadata: job["metadata"])
            fields["posted_date"] = ProviderMapping.isoDate(job["first_published"]?.stringValue)
                ?? ProviderMapping.isoDate(job["updated_at"]?.stringValue)
            fields["apply_url"] = job["absolute_url"]?.stringValue
            fields.set(pay: Self.payRange(job["pay_input_ranges"]) ?? pay[id])
            builder.add(fields, externalID: id)
        }
        return builder.listing
    }

    /// The board's display name, or nil when the board endpoint cannot be read.
    private func boardName(base: String, path: String) async -> String? {
        guard let url = try? ProviderHTTP.url(base: base, path: path),
              let data = try? await http.get(url),
              let document = try? JSONValue.parse(data) else { return nil }
        return ProviderMapping.string(document["name"])
    }

    /// Each job's pay range from the per-job endpoint, `payConcurrency` requests in flight at most.
    private func fetchPayRanges(ids: [String], base: String, boardPath: String) async -> [String: PayRange] {
        guard !ids.isEmpty else { return [:] }
        return await withTaskGroup(of: (String, PayRange?, Bool).self) { group in
            var ranges: [String: PayRange] = [:]
            var pending = ids[...]
            var throttled = false
            func startNext() {
                guard !throttled, let id = pending.popFirst() else { return }
                group.addTask {
                    do {
                        let url = try ProviderHTTP.url(
                            base: base, path: boardPath + "/jobs/" + ProviderHTTP.segment(id), query: [("pay_transparency", "true")])
                        let document = try JSONValue.parse(try await http.get(url))
                        return (id, Self.payRange(document["pay_input_ranges"]), false)
                    } catch ProviderError.throttled {
                        return (id, nil, true)
                    } catch {
                        return (id, nil, false)
                    }
                }
            }
            for _ in 0..<payConcurrency { startNext() }
            while let (id, range, wasThrottled) = await group.next() {
                if wasThrottled { throttled = true }
                if let range { ranges[id] = range }
                startNext()
            }
            return ranges
        }
    }

    /// One range from Greenhouse's `pay_input_ranges`: the ranges in the first range's currency and interval,
    /// from their lowest minimum to their highest maximum.
    static func payRange(_ value: JSONValue?) -> PayRange? {
        guard case .array(let items)? = value else { return nil }
        let ranges = items.compactMap { item -> PayRange? in
            let title = (item["title"]?.stringValue ?? "") + " " + (item["blurb"]?.stringValue ?? "")
            let interval: PayInterval = title.lowercased().contains("hour") ? .hour : .year
            return PayRange(
                min: ProviderMapping.number(item["min_cents"]).map { $0 / 100 },
                max: ProviderMapping.number(item["max_cents"]).map { $0 / 100 },
                currency: item["currency_type"]?.stringValue, interval: interval)
        }
        guard let first = ranges.first else { return nil }
        let alike = ranges.filter { $0.currency == first.currency && $0.interval == first.interval }
        return PayRange(
            min: alike.compactMap(\.min).min(), max: alike.compactMap(\.max).max(),
            currency: first.currency, interval: first.interval)
    }

    /// A job-board custom field such as `{"name": "Employment Type", "value": "Full-time"}`.
    static func employmentType(metadata: JSONValue?) -> String? {
        guard case .array(let items)? = metadata else { return nil }
        for item in items {
            let name = (item["name"]?.stringValue ?? "").lowercased()
            guard name.contains("employment") || name.contains("job type") else { continue }
            if let type = ProviderMapping.employmentType(item["value"]?.stringValue) { return type }
        }
        return nil
    }
}
