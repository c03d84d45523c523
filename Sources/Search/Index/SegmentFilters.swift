import JobPostings

/// A search's filters prepared for one segment: keyword filters become sets of accepted ordinals,
/// so checking a document is a few array reads.
struct SegmentFilters {
    /// Filter groups, as bits. The first five are facets too.
    struct Group: OptionSet {
        let rawValue: Int
        static let location = Group(rawValue: 1)
        static let company = Group(rawValue: 2)
        static let remote = Group(rawValue: 4)
        static let employmentType = Group(rawValue: 8)
        static let salary = Group(rawValue: 16)
        static let other = Group(rawValue: 32)
    }

    let segment: Segment
    let query: JobSearchQuery
    let now: Int64
    /// Documents with a higher row id arrived after the walk started and stay out of it.
    let highestRowID: Int64
    private let locations: Bitset?
    private let companies: Bitset?
    private let employmentTypes: Bitset?
    private let providers: Bitset?
    private let currencies: Bitset?
    private let postedAfter: Int64?

    init(segment: Segment, query: JobSearchQuery, now: Int64, highestRowID: Int64) {
        self.segment = segment
        self.query = query
        self.now = now
        self.highestRowID = highestRowID
        let wantedLocations = query.locations.map(Self.words).filter { !$0.isEmpty }
        locations = wantedLocations.isEmpty ? nil : Self.accepted(segment.location) { value in
            let words = Set(Self.words(value))
            return wantedLocations.contains { $0.allSatisfy(words.contains) }
        }
        let wantedCompanies = Set(query.companies.map(TextFolding.fold))
        companies = wantedCompanies.isEmpty ? nil : Self.accepted(segment.company) { wantedCompanies.contains(TextFolding.fold($0)) }
        let wantedTypes = Set(query.employmentTypes.map(\.rawValue))
        employmentTypes = wantedTypes.isEmpty ? nil : Self.accepted(segment.employmentType) { wantedTypes.contains($0) }
        let wantedProviders = Set(query.providers.map { $0.lowercased() })
        providers = wantedProviders.isEmpty ? nil : Self.accepted(segment.provider) { wantedProviders.contains($0.lowercased()) }
        let wantedCurrency = query.currency?.uppercased()
        currencies = wantedCurrency.map { code in Self.accepted(segment.currency) { $0 == code } }
        postedAfter = query.postedAfter.map { Int64($0.timeIntervalSince1970) }
    }

    /// Whether the document may be shown at all: live, not expired, not newer than the walk.
    @inline(__always)
    func isVisible(_ document: Int) -> Bool {
        segment.expiresAt[document] > now && segment.rowIDs[document] <= highestRowID
    }

    /// The filter groups this document fails; empty means it is a result.
    func failures(_ document: Int) -> Group {
        var failed: Group = []
        if let locations, !locations.contains(Int(segment.location.ordinals[document])) { failed.insert(.location) }
        if let companies, !companies.contains(Int(segment.company.ordinals[document])) { failed.insert(.company) }
        if let remote = query.remote, segment.remote.contains(document) != remote { failed.insert(.remote) }
        if let employmentTypes, !employmentTypes.contains(Int(segment.employmentType.ordinals[document])) {
            failed.insert(.employmentType)
        }
        if query.hasSalaryFilter || currencies != nil, !salaryMatches(document) { failed.insert(.salary) }
        if let providers, !providers.contains(Int(segment.provider.ordinals[document])) { failed.insert(.other) }
        if let postedAfter, segment.postedAt[document] < postedAfter { failed.insert(.other) }
        return failed
    }

    /// Overlap of the posting's yearly range with the asked range; a posting without salary never matches.
    private func salaryMatches(_ document: Int) -> Bool {
        guard let range = SalaryRange(segment: segment, document: document) else { return false }
        if let currencies, !currencies.contains(Int(segment.currency.ordinals[document])) { return false }
        return range.overlaps(from: query.minSalary.map(Int64.init), to: query.maxSalary.map(Int64.init))
    }

    private static func accepted(_ column: KeywordColumn, _ predicate: (String) -> Bool) -> Bitset {
        var set = Bitset(count: column.values.count)
        for (ordinal, value) in column.values.enumerated() where predicate(value) { set.insert(ordinal) }
        return set
    }

    static func words(_ text: String) -> [String] {
        TextFolding.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}

/// A posting's yearly salary range; a single stated figure is a range of one value.
struct SalaryRange {
    let low: Int64
    let high: Int64

    init?(segment: Segment, document: Int) {
        let minimum = segment.minSalary[document], maximum = segment.maxSalary[document]
        guard minimum >= 0 || maximum >= 0 else { return nil }
        low = minimum >= 0 ? minimum : maximum
        high = maximum >= 0 ? maximum : minimum
    }

    /// Inclusive at both ends, so a facet bucket and the filter it turns into count the same postings.
    func overlaps(from: Int64?, to: Int64?) -> Bool {
        if let from, high < from { return false }
        if let to, low > to { return false }
        return true
    }
}
