import JobPostings

/// What the engine knows of one document: its text fields and the columns filters, facets and sorting read.
struct IndexedDocument: Sendable, Equatable {
    static let noSalary: Int64 = -1
    static let neverExpires: Int64 = .max

    var rowID: Int64
    /// Texts in `SearchField` order.
    var texts: [String]
    var postedAt: Int64
    var expiresAt: Int64
    var minSalary: Int64
    var maxSalary: Int64
    var currency: String
    var remote: Bool
    var location: String
    var company: String
    var employmentType: String
    var provider: String
    /// The skills the posting asks for (empty when the index has no skill tagger).
    var skills: [PostingSkill] = []
}

/// Strings stored once per segment, with each document pointing at its value by number.
struct KeywordColumn: Sendable {
    var ordinals: [UInt32] = []
    var values: [String] = []
    private var lookup: [String: UInt32] = [:]

    init() {}

    /// A finished column read back from disk; it is not appended to again.
    init(ordinals: [UInt32], values: [String]) {
        self.ordinals = ordinals
        self.values = values
    }

    mutating func append(_ value: String) {
        if let ordinal = lookup[value] {
            ordinals.append(ordinal)
        } else {
            let ordinal = UInt32(values.count)
            values.append(value)
            lookup[value] = ordinal
            ordinals.append(ordinal)
        }
    }

    @inline(__always)
    func value(of document: Int) -> String { values[Int(ordinals[document])] }

    /// Per value (by ordinal), how many documents hold it.
    func valueCounts() -> [Int32] {
        var counts = [Int32](repeating: 0, count: values.count)
        for ordinal in ordinals { counts[Int(ordinal)] += 1 }
        return counts
    }
}
