import Domain
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
    /// Each value's ordinal by its bytes: a segment's build looks up five values a document, and a `String`
    /// dictionary hashed each with SipHash.
    private var lookup = ValueOrdinals()

    init() {}

    /// A finished column read back from disk; it is not appended to again.
    init(ordinals: [UInt32], values: [String]) {
        self.ordinals = ordinals
        self.values = values
    }

    mutating func append(_ value: String) {
        ordinals.append(lookup.ordinal(of: value, in: &values))
    }

    /// Copies `document`'s value from another segment's column (merges). `remap` is this column's ordinal for each
    /// of `source`'s, filled in as values are met (start it with `remapping(for:)`): a merge looks each value
    /// up once, not once per document.
    @inline(__always)
    mutating func append(from source: KeywordColumn, document: Int, remap: inout [UInt32]) {
        let sourceOrdinal = Int(source.ordinals[document])
        if remap[sourceOrdinal] == .max { remap[sourceOrdinal] = lookup.ordinal(of: source.values[sourceOrdinal], in: &values) }
        ordinals.append(remap[sourceOrdinal])
    }

    /// An empty remapping of `source`'s ordinals into this column.
    static func remapping(for source: KeywordColumn) -> [UInt32] { [UInt32](repeating: .max, count: source.values.count) }

    @inline(__always)
    func value(of document: Int) -> String { values[Int(ordinals[document])] }

    /// Per value (by ordinal), how many documents hold it.
    func valueCounts() -> [Int32] {
        var counts = [Int32](repeating: 0, count: values.count)
        for ordinal in ordinals { counts[Int(ordinal)] += 1 }
        return counts
    }
}

/// The ordinal of each distinct string of a column, found by its UTF-8 bytes (`WordTable`).
struct ValueOrdinals: Sendable {
    private var table = WordTable()
    private var emptyOrdinal: UInt32?

    /// `value`'s ordinal, appending it to `values` (and numbering it) the first time it is met.
    mutating func ordinal(of value: String, in values: inout [String]) -> UInt32 {
        var bytesOfValue = value
        return bytesOfValue.withUTF8 { bytes in
            if bytes.isEmpty {
                if let emptyOrdinal { return emptyOrdinal }
                emptyOrdinal = UInt32(values.count)
            } else if let entry = table.entry(of: bytes) {
                return UInt32(table.values[entry])
            } else {
                _ = table.add(bytes, value: Int32(values.count))
            }
            values.append(value)
            return UInt32(values.count - 1)
        }
    }
}
