import JobPostings

/// The skills of each document: several per document, each a name stored once per segment and
/// whether the posting requires it. Filters and facets read it; it is not searched as text.
struct SkillColumn: Sendable {
    /// `entries[starts[d]..<starts[d + 1]]` are document d's skills, each `ordinal << 1 | required`.
    var starts: [UInt32] = [0]
    var entries: [UInt32] = []
    var values: [String] = []
    /// `values` folded as filters compare them, worked out once instead of on every search.
    private(set) var foldedValues: [String] = []
    private var lookup = ValueOrdinals()

    init() {}

    /// A finished column read back from disk.
    init(starts: [UInt32], entries: [UInt32], values: [String]) {
        self.starts = starts
        self.entries = entries
        self.values = values
        foldedValues = values.map(TextFolding.fold)
    }

    mutating func append(_ skills: [PostingSkill]) {
        for skill in skills { append(name: skill.name, required: skill.isRequired) }
        starts.append(UInt32(entries.count))
    }

    /// Copies one document's skills from another segment's column (merges). `remap` is this column's ordinal for
    /// each of `other`'s, filled in as names are met (start it with `remapping(for:)`), so each name is looked
    /// up once per merge.
    mutating func append(from other: SkillColumn, document: Int, remap: inout [UInt32]) {
        for entry in other.entries[Int(other.starts[document])..<Int(other.starts[document + 1])] {
            let sourceOrdinal = Int(entry >> 1)
            if remap[sourceOrdinal] == .max { remap[sourceOrdinal] = ordinal(of: other.values[sourceOrdinal]) }
            entries.append(remap[sourceOrdinal] << 1 | (entry & 1))
        }
        starts.append(UInt32(entries.count))
    }

    /// An empty remapping of `source`'s ordinals into this column.
    static func remapping(for source: SkillColumn) -> [UInt32] { [UInt32](repeating: .max, count: source.values.count) }

    private mutating func append(name: String, required: Bool) {
        entries.append(ordinal(of: name) << 1 | (required ? 1 : 0))
    }

    private mutating func ordinal(of name: String) -> UInt32 {
        let ordinal = lookup.ordinal(of: name, in: &values)
        if Int(ordinal) == foldedValues.count { foldedValues.append(TextFolding.fold(name)) }
        return ordinal
    }

    func skills(of document: Int) -> [PostingSkill] {
        entries[Int(starts[document])..<Int(starts[document + 1])].map {
            PostingSkill(name: values[Int($0 >> 1)], isRequired: $0 & 1 == 1)
        }
    }

    /// The documents among `candidates` holding any of the skills whose folded names are `wanted`.
    func passing(within candidates: Bitset, folded wanted: Set<String>) -> Bitset {
        passing(within: candidates, accepted: foldedValues.map(wanted.contains))
    }

    private func passing(within candidates: Bitset, accepted: [Bool]) -> Bitset {
        var set = Bitset(count: candidates.count)
        guard accepted.contains(true) else { return set }
        starts.withUnsafeBufferPointer { starts in
            entries.withUnsafeBufferPointer { entries in
                candidates.forEach { document in
                    for index in Int(starts[document])..<Int(starts[document + 1]) where accepted[Int(entries[index] >> 1)] {
                        set.insert(document)
                        break
                    }
                }
            }
        }
        return set
    }

    /// Adds one to each value's count for every document of `documents` holding it.
    ///
    /// The documents of a search lie far apart in a column of many, so reading one document's range,
    /// then its skills, then the next document's, waits on two memory reads in turn per document.
    /// Documents are taken a batch at a time instead: all their ranges are read, then the first
    /// skill of each is counted, so the processor fetches a batch's memory at once; counting the
    /// rest finds it in cache.
    func tally(_ documents: Bitset, into counts: inout [Int32]) {
        let batchSize = 64
        starts.withUnsafeBufferPointer { starts in
            entries.withUnsafeBufferPointer { entries in
                counts.withUnsafeMutableBufferPointer { counts in
                    withUnsafeTemporaryAllocation(of: (lower: Int, upper: Int).self, capacity: batchSize) { ranges in
                        var batched = 0
                        func countBatch() {
                            // Each document's first skill, then the rest, which the first reads brought into cache.
                            for slot in 0..<batched where ranges[slot].lower < ranges[slot].upper {
                                counts[Int(entries[ranges[slot].lower] >> 1)] &+= 1
                            }
                            for slot in 0..<batched where ranges[slot].lower + 1 < ranges[slot].upper {
                                for index in ranges[slot].lower + 1..<ranges[slot].upper { counts[Int(entries[index] >> 1)] &+= 1 }
                            }
                            batched = 0
                        }
                        documents.forEach { document in
                            ranges[batched] = (Int(starts[document]), Int(starts[document + 1]))
                            batched += 1
                            if batched == batchSize { countBatch() }
                        }
                        countBatch()
                    }
                }
            }
        }
    }
}
