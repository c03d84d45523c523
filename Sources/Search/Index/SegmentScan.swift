import JobPostings

/// One search's pass over one segment: the columns it reads, its filters and its facet tallies, all
/// as plain arrays so the per-document loop does array reads and nothing else.
struct SegmentScan {
    /// Filter groups as bits; the first five are facets too.
    static let location: UInt8 = 1, company: UInt8 = 2, remote: UInt8 = 4, employmentType: UInt8 = 8
    static let salary: UInt8 = 16, other: UInt8 = 32

    let rowIDs: [Int64]
    let postedAt: [Int64]
    private let expiresAt: [Int64]
    private let minSalary: [Int64]
    private let maxSalary: [Int64]
    private let remoteWords: [UInt64]
    private let deletedWords: [UInt64]
    private let locationOrdinals: [UInt32]
    private let companyOrdinals: [UInt32]
    private let typeOrdinals: [UInt32]
    private let providerOrdinals: [UInt32]
    private let currencyOrdinals: [UInt32]

    private let acceptedLocations: [Bool]?
    private let acceptedCompanies: [Bool]?
    private let acceptedTypes: [Bool]?
    private let acceptedProviders: [Bool]?
    private let acceptedCurrencies: [Bool]?
    private let wantsRemote: Bool?
    private let salaryFiltered: Bool
    private let salaryFrom: Int64
    private let salaryTo: Int64
    private let postedAfter: Int64
    private let now: Int64
    /// Documents with a higher row id arrived after a walk started and stay out of it.
    private let horizon: Int64

    private(set) var locationCounts: [Int32]
    private(set) var companyCounts: [Int32]
    private(set) var typeCounts: [Int32]
    private(set) var remoteCounts: [Int] = [0, 0]
    private(set) var salaryCounts = [Int](repeating: 0, count: SalaryRangeCount.bounds.count)
    private static let bucketFrom = SalaryRangeCount.bounds.map { Int64($0.from) }
    private static let bucketTo = SalaryRangeCount.bounds.map { $0.to.map(Int64.init) ?? .max }

    init(segment: Segment, deleted: Bitset?, query: JobSearchQuery, now: Int64, horizon: Int64) {
        rowIDs = segment.rowIDs
        postedAt = segment.postedAt
        expiresAt = segment.expiresAt
        minSalary = segment.minSalary
        maxSalary = segment.maxSalary
        remoteWords = segment.remote.words
        deletedWords = deleted?.words ?? []
        locationOrdinals = segment.location.ordinals
        companyOrdinals = segment.company.ordinals
        typeOrdinals = segment.employmentType.ordinals
        providerOrdinals = segment.provider.ordinals
        currencyOrdinals = segment.currency.ordinals

        let wantedLocations = query.locations.map(Self.words).filter { !$0.isEmpty }
        acceptedLocations = wantedLocations.isEmpty ? nil : segment.location.values.map { value in
            let words = Set(Self.words(value))
            return wantedLocations.contains { $0.allSatisfy(words.contains) }
        }
        let wantedCompanies = Set(query.companies.map(TextFolding.fold))
        acceptedCompanies = wantedCompanies.isEmpty ? nil : segment.company.values.map { wantedCompanies.contains(TextFolding.fold($0)) }
        let wantedTypes = Set(query.employmentTypes.map(\.rawValue))
        acceptedTypes = wantedTypes.isEmpty ? nil : segment.employmentType.values.map(wantedTypes.contains)
        let wantedProviders = Set(query.providers.map { $0.lowercased() })
        acceptedProviders = wantedProviders.isEmpty ? nil : segment.provider.values.map { wantedProviders.contains($0.lowercased()) }
        let wantedCurrency = query.currency?.uppercased()
        acceptedCurrencies = wantedCurrency.map { code in segment.currency.values.map { $0 == code } }
        wantsRemote = query.remote
        salaryFiltered = query.hasSalaryFilter || query.currency != nil
        salaryFrom = query.minSalary.map(Int64.init) ?? .min
        salaryTo = query.maxSalary.map(Int64.init) ?? .max
        postedAfter = query.postedAfter.map { Int64($0.timeIntervalSince1970) } ?? .min
        self.now = now
        self.horizon = horizon

        locationCounts = [Int32](repeating: 0, count: segment.location.values.count)
        companyCounts = [Int32](repeating: 0, count: segment.company.values.count)
        typeCounts = [Int32](repeating: 0, count: segment.employmentType.values.count)
    }

    /// Live, not expired, inside the walk.
    @inline(__always)
    func isVisible(_ document: Int) -> Bool {
        if !deletedWords.isEmpty, deletedWords[document >> 6] & (1 << UInt64(document & 63)) != 0 { return false }
        return expiresAt[document] > now && rowIDs[document] <= horizon
    }

    @inline(__always)
    func isRemote(_ document: Int) -> Bool {
        remoteWords[document >> 6] & (1 << UInt64(document & 63)) != 0
    }

    /// The filter groups this document fails; zero means it is a result.
    @inline(__always)
    func failures(_ document: Int) -> UInt8 {
        var failed: UInt8 = 0
        if let acceptedLocations, !acceptedLocations[Int(locationOrdinals[document])] { failed |= Self.location }
        if let acceptedCompanies, !acceptedCompanies[Int(companyOrdinals[document])] { failed |= Self.company }
        if let wantsRemote, isRemote(document) != wantsRemote { failed |= Self.remote }
        if let acceptedTypes, !acceptedTypes[Int(typeOrdinals[document])] { failed |= Self.employmentType }
        if salaryFiltered, !salaryMatches(document) { failed |= Self.salary }
        if let acceptedProviders, !acceptedProviders[Int(providerOrdinals[document])] { failed |= Self.other }
        if postedAt[document] < postedAfter { failed |= Self.other }
        return failed
    }

    @inline(__always)
    private func salaryMatches(_ document: Int) -> Bool {
        let low = minSalary[document], high = maxSalary[document]
        guard low >= 0 || high >= 0 else { return false }
        if let acceptedCurrencies, !acceptedCurrencies[Int(currencyOrdinals[document])] { return false }
        return (high >= 0 ? high : low) >= salaryFrom && (low >= 0 ? low : high) <= salaryTo
    }

    /// Tallies the document in every facet it counts for: all of them when it is a result, and the
    /// one facet whose own filter is the only one it fails (disjunctive facets).
    @inline(__always)
    mutating func count(_ document: Int, failures: UInt8) {
        if failures == 0 || failures == Self.location { locationCounts[Int(locationOrdinals[document])] += 1 }
        if failures == 0 || failures == Self.company { companyCounts[Int(companyOrdinals[document])] += 1 }
        if failures == 0 || failures == Self.employmentType { typeCounts[Int(typeOrdinals[document])] += 1 }
        if failures == 0 || failures == Self.remote { remoteCounts[isRemote(document) ? 1 : 0] += 1 }
        if failures == 0 || failures == Self.salary {
            let low = minSalary[document], high = maxSalary[document]
            guard low >= 0 || high >= 0 else { return }
            let from = low >= 0 ? low : high, to = high >= 0 ? high : low
            for bucket in 0..<salaryCounts.count where to >= Self.bucketFrom[bucket] && from <= Self.bucketTo[bucket] {
                salaryCounts[bucket] += 1
            }
        }
    }

    static func words(_ text: String) -> [String] {
        TextFolding.fold(text).split(whereSeparator: { !($0.isASCII ? ($0.isLetter || $0.isNumber) : $0.isLetter) }).map(String.init)
    }
}
