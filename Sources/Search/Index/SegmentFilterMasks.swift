import JobPostings

/// A search's filters over one segment, each evaluated once into a set of passing documents.
/// Results are the intersection of all of them; each facet uses all but its own (disjunctive facets).
struct SegmentFilterMasks {
    enum Facet: Int, CaseIterable { case location, company, remote, employmentType, salary, skills }

    /// Filters that are not facets (provider, posted_after), or nil.
    let other: Bitset?
    /// `facets[facet.rawValue]`: the documents passing that facet's filter, or nil when it has none.
    let facets: [Bitset?]

    /// Evaluates the query's filters for the `candidates` only (the documents that are visible and
    /// match the text): other documents are never asked about, so a narrow query filters a few
    /// thousand documents instead of the whole segment.
    init(segment: Segment, query: JobSearchQuery, accepted: AcceptedValues, within candidates: Bitset) {
        let locations: Bitset? = accepted.locations.map {
            Self.passing(segment.location, within: candidates, accepted: AcceptedValues.byOrdinal($0, ids: segment.locationIDs))
        }
        let companies: Bitset? = accepted.companies.map {
            Self.passing(segment.company, within: candidates, accepted: AcceptedValues.byOrdinal($0, ids: segment.companyIDs))
        }
        let remote: Bitset? = query.remote.map { $0 ? segment.remote : segment.remote.complement() }
        let wantedTypes = Set(query.employmentTypes.map(\.rawValue))
        let types: Bitset? = wantedTypes.isEmpty ? nil : Self.passing(segment.employmentType, within: candidates, wantedTypes.contains)
        let salary: Bitset? = query.hasSalaryFilter || query.currency != nil
            ? Self.salary(segment, query: query, within: candidates) : nil
        let skills: Bitset? = accepted.skills.map {
            SkillFilter.passing(segment, within: candidates, accepted: AcceptedValues.byOrdinal($0, ids: segment.skillIDs))
        }
        facets = [locations, companies, remote, types, salary, skills]

        var other: Bitset?
        let wantedProviders = Set(query.providers.map { $0.lowercased() })
        if !wantedProviders.isEmpty {
            other = Self.passing(segment.provider, within: candidates) { wantedProviders.contains($0.lowercased()) }
        }
        if let postedAfter = query.postedAfter.map({ Int64($0.timeIntervalSince1970) }) {
            var recent = Bitset(count: segment.count)
            segment.postedAt.withUnsafeBufferPointer { posted in
                // A word of 64 documents none posted since is passed over without reading their dates.
                segment.forEachDocument(in: candidates, skippingWordsWhere: { $0 < postedAfter }) { document in
                    if posted[document] >= postedAfter { recent.insert(document) }
                }
            }
            other = other.map { $0.intersection(recent) } ?? recent
        }
        self.other = other
    }

    /// Documents passing every filter except `excluded` (nil: all filters), within `base`.
    func passing(allBut excluded: Facet?, within base: Bitset) -> Bitset {
        var result = base
        for facet in Facet.allCases where facet != excluded {
            if let mask = facets[facet.rawValue] { result.formIntersection(mask) }
        }
        return result
    }

    var hasFacetFilters: Bool { facets.contains { $0 != nil } }

    /// Live, not expired, and inside the walk (row id at most the cursor's horizon).
    static func visible(_ segment: Segment, deleted: Bitset?, now: Int64, horizon: Int64) -> Bitset {
        var set = segment.unexpired.documents(at: now, expiresAt: segment.expiresAt)
        if let deleted { set.subtract(deleted) }
        // Only a cursor page after new postings arrived has documents beyond its horizon.
        if segment.highestRowID > horizon {
            for document in 0..<segment.count where segment.rowIDs[document] > horizon && set.contains(document) {
                set.remove(document)
            }
        }
        return set
    }

    private static func passing(_ column: KeywordColumn, within candidates: Bitset, _ accepts: (String) -> Bool) -> Bitset {
        passing(column, within: candidates, accepted: column.values.map(accepts))
    }

    /// The candidates whose value of `column` is accepted (`accepted[ordinal]`). Candidates covering
    /// most of the segment (a filter with no words) are tested 64 documents at a time without branches;
    /// fewer, one by one (testing whole words would test far more documents than there are candidates).
    private static func passing(_ column: KeywordColumn, within candidates: Bitset, accepted: [Bool]) -> Bitset {
        var set = Bitset(count: candidates.count)
        guard accepted.contains(true) else { return set }
        if !candidates.holdsMost {
            column.ordinals.withUnsafeBufferPointer { ordinals in
                candidates.forEach { if accepted[Int(ordinals[$0])] { set.insert($0) } }
            }
            return set
        }
        let acceptedBits = accepted.map { UInt64($0 ? 1 : 0) }
        column.ordinals.withUnsafeBufferPointer { ordinals in
            acceptedBits.withUnsafeBufferPointer { accepted in
                candidates.words.withUnsafeBufferPointer { candidateWords in
                    set.withUnsafeMutableWords { words in
                        for word in words.indices where candidateWords[word] != 0 {
                            let first = word << 6
                            var bits: UInt64 = 0
                            for bit in 0..<min(64, ordinals.count - first) {
                                bits |= accepted[Int(ordinals[first + bit])] << UInt64(bit)
                            }
                            words[word] = bits & candidateWords[word]
                        }
                    }
                }
            }
        }
        return set
    }

    /// Postings whose yearly range overlaps the asked one (bounds inclusive) in the asked currency.
    private static func salary(_ segment: Segment, query: JobSearchQuery, within candidates: Bitset) -> Bitset {
        let from = query.minSalary.map(Int64.init) ?? .min, to = query.maxSalary.map(Int64.init) ?? .max
        var words = [UInt64](repeating: 0, count: (segment.count + 63) / 64)
        // A few candidates are tested one by one; many, 64 at a time without branches.
        let sparse = candidates.cardinality * 16 < segment.count
        segment.salaryLow.withUnsafeBufferPointer { low in
            segment.salaryHigh.withUnsafeBufferPointer { high in
                if sparse {
                    candidates.forEach { document in
                        let lowest = low[document], highest = high[document]
                        if lowest <= highest, lowest <= to, highest >= from { words[document >> 6] |= 1 << UInt64(document & 63) }
                    }
                    return
                }
                for word in words.indices {
                    let first = word << 6
                    var bits: UInt64 = 0
                    for bit in 0..<min(64, segment.count - first) {
                        let document = first + bit
                        let lowest = low[document], highest = high[document]
                        // An empty range (no salary) never passes, whatever the bounds.
                        bits |= UInt64(lowest <= highest && lowest <= to && highest >= from ? 1 : 0) << UInt64(bit)
                    }
                    words[word] = bits
                }
            }
        }
        var set = Bitset(count: segment.count, words: words)
        if let code = query.currency?.uppercased() {
            set.formIntersection(passing(segment.currency, within: candidates) { $0 == code })
        }
        return set
    }
}

/// A posting's yearly salary range; a single stated figure is a range of one value.
struct SalaryRange {
    let low: Int64
    let high: Int64

    @inline(__always)
    init?(minimum: Int64, maximum: Int64) {
        guard minimum >= 0 || maximum >= 0 else { return nil }
        low = minimum >= 0 ? minimum : maximum
        high = maximum >= 0 ? maximum : minimum
    }
}
