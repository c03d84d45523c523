import Foundation

/// What identifies a posting across sources: its canonical apply URL, and its company, title and
/// location folded to plain words. Two postings from different sources with the same apply URL, or
/// the same listing key posted within `window` of each other, are the same job.
public struct ListingKeys: Sendable, Equatable {
    public var jobID: String
    public var applyURLKey: String?
    public var listingKey: String
    public var postedDate: Date

    public init(jobID: String, applyURLKey: String?, listingKey: String, postedDate: Date) {
        self.jobID = jobID
        self.applyURLKey = applyURLKey
        self.listingKey = listingKey
        self.postedDate = postedDate
    }

    public init(_ posting: JobPosting) {
        self.init(jobID: posting.jobID, applyURLKey: posting.applyURL.flatMap(Self.canonicalURL),
                  listingKey: [Self.company(posting.company), Self.words(posting.title), Self.words(posting.location)].joined(separator: "|"),
                  postedDate: posting.postedDate)
    }

    /// "A few days": postings re-posted or picked up by an aggregator within this window count as one.
    public static let window: TimeInterval = 4 * 86_400

    /// Host without `www.`, path without a trailing slash, and only the query items that identify
    /// something (tracking parameters such as `utm_*`, `gh_src`, `source` and `ref` are dropped).
    static func canonicalURL(_ text: String) -> String? {
        guard var components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        let tracking: Set = ["gh_src", "source", "ref", "src", "referrer", "lever-source", "lever-origin", "trk", "from"]
        let kept = (components.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !name.hasPrefix("utm_") && !tracking.contains(name)
        }.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        components.queryItems = kept.isEmpty ? nil : kept
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return (host.hasPrefix("www.") ? String(host.dropFirst(4)) : host) + path + query
    }

    /// Lower case, accents folded, punctuation dropped, single spaces.
    static func words(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : " " }.joined()
            .split(separator: " ").joined(separator: " ")
    }

    /// A company name without its legal form ("Acme Inc." and "ACME" are one company).
    static func company(_ text: String) -> String {
        let suffixes: Set = ["inc", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas", "bv", "plc", "corp", "corporation", "co", "srl", "spa", "oy", "ab"]
        var parts = words(text).split(separator: " ")
        while parts.count > 1, let last = parts.last, suffixes.contains(String(last)) { parts.removeLast() }
        return parts.joined(separator: " ")
    }
}

/// A posting found to be the same job as `canonicalJobID`, and by which key.
public struct DuplicateLink: Sendable, Equatable {
    public var jobID: String
    public var canonicalJobID: String
    /// `apply_url` or `listing`.
    public var reason: String

    public init(jobID: String, canonicalJobID: String, reason: String) {
        self.jobID = jobID
        self.canonicalJobID = canonicalJobID
        self.reason = reason
    }
}

/// Where listing keys and duplicate links are kept.
public protocol JobPostingLinkRepository: Sendable {
    /// Open (searchable) postings not listed by `sourceID` whose apply-URL key or listing key is among `keys`'.
    func openPostings(matching keys: [ListingKeys], notListedBy sourceID: Int64) async throws -> [ListingKeys]
    /// Stores the keys of these postings, links the duplicates and unlinks the rest, together; keys and
    /// links that are already stored as given are not written again.
    func save(keys: [ListingKeys], links: [DuplicateLink]) async throws
    /// The other postings of the same job: the canonical one and every posting linked to it.
    func sameJob(as jobID: String) async throws -> [String]
}
