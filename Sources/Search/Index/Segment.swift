/// An immutable slice of the index: the postings and columns of a batch of documents.
///
/// Segments never change after they are built, so any number of searches can read one while the
/// writer builds the next; deletions are kept beside them in the snapshot.
final class Segment: Sendable {
    let rowIDs: [Int64]
    let postedAt: [Int64]
    /// Per 64 documents (a word of a `Bitset`), the newest `postedAt` among them: a search in date order
    /// passes over a word whose newest posting is older than its page's oldest hit (derived, not stored).
    let newestPostedAtPerWord: [Int64]
    let expiresAt: [Int64]
    let remote: Bitset
    let location: KeywordColumn
    let company: KeywordColumn
    let employmentType: KeywordColumn
    let provider: KeywordColumn
    let currency: KeywordColumn
    let skills: SkillGrid
    /// Per skill ordinal: how many documents of the segment ask for it (deleted ones included until a merge).
    let skillFrequencies: [Int32]
    /// The documents of the segment's most asked-for skills, so a facet over many results is counted
    /// by set intersections instead of a walk over every result's skills (derived, not stored).
    let frequentSkillSets: [(ordinal: Int, documents: DocumentSet)]
    static let frequentSkillCount = 128
    /// Per skill ordinal: the name's number in `FacetValueNames.skills`.
    let skillIDs: [Int32]
    /// Per location, company and employment-type ordinal: the value's number in `FacetValueNames`.
    let locationIDs: [Int32]
    let companyIDs: [Int32]
    let employmentTypeIDs: [Int32]
    /// `fieldLengths[field][document]`: words in that field, stop words included.
    let fieldLengths: [Column<UInt16>]
    let totalFieldLengths: [Int]
    /// `fields[field.rawValue]`: the postings of each text field.
    let fields: [FieldPostings]
    /// The highest row id in the segment: a cursor horizon above it hides nothing here.
    let highestRowID: Int64
    let lowestRowID: Int64
    /// Documents in ascending row-id order, when that is not simply their own order (after updates).
    private let rowOrder: [UInt32]?
    /// Per document, the yearly salary range with absent sides filled in; no salary at all is an
    /// empty range (`Int64.max...Int64.min`) that overlaps nothing. Derived, for branch-free filtering.
    let salaryLow: [Int64]
    let salaryHigh: [Int64]
    /// Which documents state each side of their salary: with `salaryLow` and `salaryHigh`, that is
    /// the posting's own minimum and maximum, kept for saving and merging without two more columns
    /// of eight bytes per document.
    private let statesMinimumSalary: Bitset
    private let statesMaximumSalary: Bitset
    /// The documents of each salary bucket and of each employment type (by ordinal), so those
    /// facets are counted a word of 64 documents at a time (derived, not stored).
    let salaryBucketSets: [Bitset]
    let employmentTypeSets: [Bitset]
    /// The documents not yet expired, remembered until the next expiry.
    let unexpired = ExpiryCache()
    /// Per location and per company ordinal: how many of the segment's documents hold it (deleted and
    /// expired ones included), so a facet over most of the segment subtracts the few left out instead
    /// of counting every document (derived, not stored).
    let locationHistogram: [Int32]
    let companyHistogram: [Int32]

    var count: Int { rowIDs.count }

    init(columns: SegmentColumns, fields: [FieldPostings]) {
        rowIDs = columns.rowIDs
        postedAt = columns.postedAt
        newestPostedAtPerWord = stride(from: 0, to: columns.postedAt.count, by: 64).map { start in
            columns.postedAt[start..<min(start + 64, columns.postedAt.count)].max() ?? .min
        }
        expiresAt = columns.expiresAt
        var remoteSet = Bitset(count: columns.rowIDs.count)
        for (document, isRemote) in columns.remote.enumerated() where isRemote { remoteSet.insert(document) }
        remote = remoteSet
        location = columns.location
        company = columns.company
        employmentType = columns.employmentType
        provider = columns.provider
        currency = columns.currency
        skills = SkillGrid(columns.skills)
        var frequencies = [Int32](repeating: 0, count: columns.skills.values.count)
        for entry in columns.skills.entries { frequencies[Int(entry >> 1)] += 1 }
        skillFrequencies = frequencies
        let frequent = frequencies.indices.sorted { frequencies[$0] != frequencies[$1] ? frequencies[$0] > frequencies[$1] : $0 < $1 }
            .prefix(Self.frequentSkillCount)
        let sets = DocumentSet.sets(of: Array(frequent), frequencies: frequencies, in: columns.skills, segmentCount: columns.rowIDs.count)
        frequentSkillSets = zip(frequent, sets).map { (ordinal: $0, documents: $1) }
        skillIDs = FacetValueNames.skills.ids(for: columns.skills.values)
        locationIDs = FacetValueNames.locations.ids(for: columns.location.values)
        companyIDs = FacetValueNames.companies.ids(for: columns.company.values)
        employmentTypeIDs = FacetValueNames.employmentTypes.ids(for: columns.employmentType.values)
        fieldLengths = columns.fieldLengths.map(Column.init)
        totalFieldLengths = columns.fieldLengths.map { $0.reduce(0) { $0 + Int($1) } }
        self.fields = fields
        highestRowID = columns.rowIDs.max() ?? 0
        lowestRowID = columns.rowIDs.min() ?? 0
        let ascending = zip(columns.rowIDs, columns.rowIDs.dropFirst()).allSatisfy { $0 < $1 }
        rowOrder = ascending ? nil : columns.rowIDs.indices.sorted { columns.rowIDs[$0] < columns.rowIDs[$1] }.map(UInt32.init)
        let ranges = zip(columns.minSalary, columns.maxSalary).map { SalaryRange(minimum: $0, maximum: $1) }
        salaryLow = ranges.map { $0?.low ?? .max }
        salaryHigh = ranges.map { $0?.high ?? .min }
        var minimumStated = Bitset(count: columns.rowIDs.count), maximumStated = Bitset(count: columns.rowIDs.count)
        for document in columns.rowIDs.indices {
            if columns.minSalary[document] >= 0 { minimumStated.insert(document) }
            if columns.maxSalary[document] >= 0 { maximumStated.insert(document) }
        }
        statesMinimumSalary = minimumStated
        statesMaximumSalary = maximumStated
        salaryBucketSets = SalaryBuckets.sets(ranges)
        var typeSets = [Bitset](repeating: Bitset(count: columns.rowIDs.count), count: columns.employmentType.values.count)
        for (document, ordinal) in columns.employmentType.ordinals.enumerated() { typeSets[Int(ordinal)].insert(document) }
        employmentTypeSets = typeSets
        locationHistogram = columns.location.valueCounts()
        companyHistogram = columns.company.valueCounts()
    }

    func postings(_ field: SearchField) -> FieldPostings { fields[field.rawValue] }

    /// Calls `body` with each document of `set` in ascending order, passing over whole every word
    /// of 64 documents for which `skip` answers true given the newest `postedAt` among them.
    @inline(__always)
    func forEachDocument(in set: Bitset, skippingWordsWhere skip: (_ newestPostedAt: Int64) -> Bool,
                         _ body: (Int) -> Void) {
        newestPostedAtPerWord.withUnsafeBufferPointer { newest in
            for (index, word) in set.words.enumerated() where word != 0 && !skip(newest[index]) {
                var bits = word
                while bits != 0 {
                    body(index << 6 | bits.trailingZeroBitCount)
                    bits &= bits &- 1
                }
            }
        }
    }

    /// The posting's stated minimum yearly salary, or `IndexedDocument.noSalary`.
    func minimumSalary(of document: Int) -> Int64 {
        statesMinimumSalary.contains(document) ? salaryLow[document] : IndexedDocument.noSalary
    }

    /// The posting's stated maximum yearly salary, or `IndexedDocument.noSalary`.
    func maximumSalary(of document: Int) -> Int64 {
        statesMaximumSalary.contains(document) ? salaryHigh[document] : IndexedDocument.noSalary
    }

    /// Whether row ids ascend with document numbers (no update has reordered them).
    var rowIDsAscend: Bool { rowOrder == nil }

    /// The document holding a row (deleted or not), by binary search over row ids.
    func document(withRowID rowID: Int64) -> Int? {
        guard count > 0, rowID >= lowestRowID, rowID <= highestRowID else { return nil }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if rowIDs[rowOrder.map { Int($0[middle]) } ?? middle] < rowID { low = middle + 1 } else { high = middle }
        }
        guard low < count else { return nil }
        let document = rowOrder.map { Int($0[low]) } ?? low
        return rowIDs[document] == rowID ? document : nil
    }
}

/// The per-document columns of a segment while it is being built.
struct SegmentColumns: Sendable {
    var rowIDs: [Int64] = []
    var postedAt: [Int64] = []
    var expiresAt: [Int64] = []
    var minSalary: [Int64] = []
    var maxSalary: [Int64] = []
    var remote: [Bool] = []
    var location = KeywordColumn()
    var company = KeywordColumn()
    var employmentType = KeywordColumn()
    var provider = KeywordColumn()
    var currency = KeywordColumn()
    var skills = SkillColumn()
    var fieldLengths: [[UInt16]] = Array(repeating: [], count: SearchField.allCases.count)

    mutating func append(_ document: IndexedDocument, fieldLengths lengths: [Int]) {
        rowIDs.append(document.rowID)
        postedAt.append(document.postedAt)
        expiresAt.append(document.expiresAt)
        minSalary.append(document.minSalary)
        maxSalary.append(document.maxSalary)
        remote.append(document.remote)
        location.append(document.location)
        company.append(document.company)
        employmentType.append(document.employmentType)
        provider.append(document.provider)
        currency.append(document.currency)
        skills.append(document.skills)
        for (field, length) in lengths.enumerated() { fieldLengths[field].append(UInt16(clamping: length)) }
    }

    /// For each keyword and skill column of one source segment, this builder's ordinal for each of the source's.
    struct Remapping {
        var location, company, employmentType, provider, currency, skills: [UInt32]

        init(_ segment: Segment) {
            location = KeywordColumn.remapping(for: segment.location)
            company = KeywordColumn.remapping(for: segment.company)
            employmentType = KeywordColumn.remapping(for: segment.employmentType)
            provider = KeywordColumn.remapping(for: segment.provider)
            currency = KeywordColumn.remapping(for: segment.currency)
            skills = SkillColumn.remapping(for: segment.skills)
        }
    }

    /// Copies one document's columns from a segment (used by merges), with `remapping` started for that segment.
    mutating func append(from segment: Segment, document: Int, remapping: inout Remapping) {
        rowIDs.append(segment.rowIDs[document])
        postedAt.append(segment.postedAt[document])
        expiresAt.append(segment.expiresAt[document])
        minSalary.append(segment.minimumSalary(of: document))
        maxSalary.append(segment.maximumSalary(of: document))
        remote.append(segment.remote.contains(document))
        location.append(from: segment.location, document: document, remap: &remapping.location)
        company.append(from: segment.company, document: document, remap: &remapping.company)
        employmentType.append(from: segment.employmentType, document: document, remap: &remapping.employmentType)
        provider.append(from: segment.provider, document: document, remap: &remapping.provider)
        currency.append(from: segment.currency, document: document, remap: &remapping.currency)
        skills.append(from: segment.skills, document: document, remap: &remapping.skills)
        for field in SearchField.allCases {
            fieldLengths[field.rawValue].append(segment.fieldLengths[field.rawValue][document])
        }
    }
}
