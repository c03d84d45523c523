import JobPostings

/// The skills of each document as a segment is built: several per document, each a name stored
/// once per segment and whether the posting requires it. A finished segment reads them from a
/// `SkillGrid`; they are not searched as text.
struct SkillColumn: Sendable {
    /// `entries[starts[d]..<starts[d + 1]]` are document d's skills, each `ordinal << 1 | required`.
    var starts: [UInt32] = [0]
    var entries: [UInt32] = []
    var values: [String] = []
    private var lookup = ValueOrdinals()

    init() {}

    /// A finished column read back from disk.
    init(starts: [UInt32], entries: [UInt32], values: [String]) {
        self.starts = starts
        self.entries = entries
        self.values = values
    }

    mutating func append(_ skills: [PostingSkill]) {
        for skill in skills { append(name: skill.name, required: skill.isRequired) }
        starts.append(UInt32(entries.count))
    }

    /// Copies one document's skills from another segment's column (merges). `remap` is this column's ordinal for
    /// each of `other`'s, filled in as names are met (start it with `remapping(for:)`), so each name is looked
    /// up once per merge.
    mutating func append(from other: SkillGrid, document: Int, remap: inout [UInt32]) {
        other.forEachEntry(in: document) { entry in
            let sourceOrdinal = Int(entry >> 1)
            if remap[sourceOrdinal] == .max { remap[sourceOrdinal] = ordinal(of: other.values[sourceOrdinal]) }
            entries.append(remap[sourceOrdinal] << 1 | (entry & 1))
        }
        starts.append(UInt32(entries.count))
    }

    /// An empty remapping of `source`'s ordinals into this column.
    static func remapping(for source: SkillGrid) -> [UInt32] { [UInt32](repeating: .max, count: source.values.count) }

    private mutating func append(name: String, required: Bool) {
        entries.append(ordinal(of: name) << 1 | (required ? 1 : 0))
    }

    private mutating func ordinal(of name: String) -> UInt32 {
        lookup.ordinal(of: name, in: &values)
    }
}
