import Domain
import Foundation

/// The normalized draft fields of one posting as an adapter builds them: absent and empty values are left
/// out, so `normalize` reports a missing field instead of a blank one.
struct DraftFields {
    private(set) var fields: [String: JSONValue] = [:]

    init(provider: ProviderKind, externalID: String) {
        fields["job_id"] = .string("\(provider.rawValue)#\(externalID)")
        fields["provider_id"] = .string(provider.rawValue)
    }

    /// Fields another mapping produced (schema.org), to be checked and completed.
    init(mapped: [String: JSONValue]) {
        fields = mapped.filter { !$0.value.isNull }
    }

    subscript(key: String) -> String? {
        get { fields[key]?.stringValue }
        set {
            let trimmed = newValue?.trimmingWhitespace()
            fields[key] = trimmed.flatMap { $0.isEmpty ? nil : .string($0) }
        }
    }

    mutating func set(_ key: String, bool: Bool) {
        fields[key] = .bool(bool)
    }

    /// The raw value of `key`, whatever its JSON type.
    func value(_ key: String) -> JSONValue? { fields[key] }

    mutating func remove(_ key: String) { fields[key] = nil }

    mutating func set(_ key: String, number: Double?) {
        fields[key] = number.flatMap { $0.isFinite && $0 >= 0 ? .number($0) : nil }
    }

    /// `min_salary`, `max_salary`, `currency` and `interval` from a range; nothing when there is no range.
    mutating func set(pay: PayRange?) {
        guard let pay else { return }
        set("min_salary", number: pay.min)
        set("max_salary", number: pay.max)
        self["currency"] = pay.currency
        self["interval"] = pay.interval.rawValue
    }

    /// Why the posting cannot be used, or nil when every field `normalize` requires is there.
    var missingRequired: String? {
        if self["title"] == nil { return "no title" }
        if self["description_html"] == nil && self["description"] == nil { return "no description" }
        if self["company"] == nil { return "no company" }
        if self["posted_date"] == nil { return "no readable posting date" }
        return nil
    }

    var draft: JobPostingDraft { JobPostingDraft(fields: fields) }
}

/// A pay range as a provider states it: amounts per `interval`, either bound optional.
struct PayRange: Equatable {
    var min: Double?
    var max: Double?
    var currency: String?
    var interval: PayInterval

    /// A range with at least one bound, the bounds in order; nil otherwise.
    init?(min: Double?, max: Double?, currency: String?, interval: PayInterval) {
        let low = min.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let high = max.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        guard low != nil || high != nil else { return nil }
        if let low, let high, low > high {
            self.min = high
            self.max = low
        } else {
            self.min = low
            self.max = high
        }
        let code = currency?.trimmingCharacters(in: .whitespaces).uppercased()
        self.currency = code.flatMap { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isLetter } ? $0 : nil }
        self.interval = interval
    }
}

/// Collects a listing: drafts in provider order, every posting left out with its reason, and no job id twice.
struct ListingBuilder {
    private(set) var drafts: [JobPostingDraft] = []
    private(set) var skipped: [SkippedPosting] = []
    private var seen: Set<String> = []
    var isComplete = true

    mutating func add(_ fields: DraftFields, externalID: String) {
        if let reason = fields.missingRequired {
            skip(externalID, reason)
            return
        }
        guard seen.insert(fields["job_id"] ?? externalID).inserted else {
            skip(externalID, "duplicate id")
            return
        }
        drafts.append(fields.draft)
    }

    /// The `id` of a provider's list item when it is an object with one; otherwise the item is skipped
    /// and counted (`noun` names it in the reason: "not a job object") and nil is returned.
    mutating func identify(_ item: JSONValue, noun: String = "job") -> String? {
        guard case .object = item else {
            skip(nil, "not a \(noun) object")
            return nil
        }
        guard let id = ProviderMapping.string(item["id"]) else {
            skip(nil, "no id")
            return nil
        }
        return id
    }

    mutating func skip(_ externalID: String?, _ reason: String) {
        skipped.append(SkippedPosting(externalID: externalID, reason: reason))
    }

    var listing: ProviderListing { ProviderListing(drafts: drafts, skipped: skipped, isComplete: isComplete) }
}

/// Small conversions every adapter needs.
enum ProviderMapping {
    /// Parses a provider's JSON answer; anything else is `ProviderError.malformed`.
    ///
    /// The import's strict reader goes first: a board of 10,000 postings is tens of megabytes, and
    /// `JSONSerialization` spends most of a sync's parsing on bridging every value. Whatever the strict
    /// reader declines (see `JSONLineParser`), `JSONSerialization` reads as before.
    static func json(_ data: Data, from provider: ProviderKind) throws -> JSONValue {
        if let value = data.withUnsafeBytes({ JSONLineParser.parse($0.bindMemory(to: UInt8.self)) }) { return value }
        do {
            return try JSONValue.parse(data)
        } catch {
            throw ProviderError.malformed("\(provider.rawValue) answered with something other than JSON")
        }
    }

    /// A required source parameter, trimmed; `ProviderError.misconfigured` when it is missing or blank.
    static func required(_ value: String?, _ name: SourceParameters.Name, for source: JobSource) throws -> String {
        guard let text = value?.trimmingWhitespace(), !text.isEmpty else {
            throw ProviderError.misconfigured("a \(source.kind.rawValue) source needs '\(name.rawValue)'")
        }
        return text
    }

    /// The `--url` of a feed source (`jsonld`, `xmlfeed`), required and absolute.
    static func feedURL(of source: JobSource) throws -> URL {
        try absoluteURL(try required(source.parameters.url, .url, for: source))
    }

    /// A feed or page address as given: an absolute http(s) URL, else `ProviderError.misconfigured`.
    static func absoluteURL(_ text: String) throws -> URL {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", components.host?.isEmpty == false, let url = components.url else {
            throw ProviderError.misconfigured("'\(text)' is not an http(s) URL")
        }
        return url
    }

    /// `source.parameters.baseURL` when set, else the provider's public endpoint.
    static func base(_ source: JobSource, default endpoint: String) -> String {
        guard let base = source.parameters.baseURL?.trimmingCharacters(in: .whitespaces), !base.isEmpty else { return endpoint }
        return base
    }

    /// An ISO-8601 timestamp in any offset (or a date alone), as the UTC string `normalize` reads.
    static func isoDate(_ text: String?) -> String? {
        guard let text, let date = Timestamps.parse(text) else { return nil }
        return Timestamps.format(date)
    }

    /// Milliseconds since 1970 (Lever's `createdAt`) as a UTC string.
    static func isoDate(epochMilliseconds value: JSONValue?) -> String? {
        guard case .number(let milliseconds)? = value, milliseconds.isFinite, milliseconds > 0 else { return nil }
        return Timestamps.format(Date(timeIntervalSince1970: milliseconds / 1000))
    }

    /// The employment type's normalized name when `text` is a spelling `EmploymentType(lenient:)` knows.
    static func employmentType(_ text: String?) -> String? {
        guard let text else { return nil }
        return EmploymentType(lenient: text.trimmingCharacters(in: .whitespaces))?.rawValue
    }

    /// Whether `text` has "remote" as a word of its own, in any case ("Remote - US", "London or remote").
    static func mentionsRemote(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.lowercased().split(whereSeparator: { !$0.isLetter }).contains("remote")
    }

    /// `acme-corp` → `Acme-corp`: the last resort for a company name when the provider gives none.
    static func capitalized(token: String) -> String {
        token.prefix(1).uppercased() + token.dropFirst()
    }

    /// A number stated as a JSON number or as a numeric string.
    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .number(let number)?: number
        case .string(let text)?: Double(text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// A string, or a number written as a string (ids are sometimes either).
    static func string(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }
}
