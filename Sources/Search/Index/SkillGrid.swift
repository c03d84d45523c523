import JobPostings

/// The skills of each document of a finished segment, laid out for reading a search's results: a
/// fixed row of two-byte slots per document (up to 16: 32 bytes, aligned to half a cache line), so
/// reading one document's skills costs one memory read where offsets into a list of entries cost
/// two in a row (the offset, then the entries).
///
/// The skill facet over a few thousand results reads exactly that, once per result; at 1,000,000
/// postings it was a third of such a search's time. `SkillColumn` builds the lists; a segment keeps
/// only this.
///
/// A row has as many slots as hold every skill of 99 % of the segment's documents (2, 4, 8 or 16),
/// so a segment whose postings name few skills does not pay 32 bytes a document. A slot holds a
/// skill's ordinal plus one, 0 after the document's last skill. A document with more skills than
/// slots, or a skill whose ordinal does not fit in a slot, keeps its first skills in slots and
/// `continued` in the last slot; the rest are in `overflow`, in order.
struct SkillGrid: @unchecked Sendable {
    static let widths = [2, 4, 8, 16]
    static let continued = UInt16.max

    /// Slots per document.
    let width: Int

    let values: [String]
    let count: Int
    private let storage: Slots
    private var slots: UnsafePointer<UInt16> { UnsafePointer(storage.pointer) }
    /// Per document, bit i set when the skill in slot i is required.
    private let requiredSlots: [UInt16]
    /// The documents with skills past their slots, ascending, and where each one's rest starts in
    /// `overflowEntries` (each `ordinal << 1 | required`, as `SkillColumn` keeps them).
    private let overflowDocuments: [UInt32]
    private let overflowStarts: [UInt32]
    private let overflowEntries: [UInt32]

    init(_ column: SkillColumn) {
        values = column.values
        count = column.starts.count - 1
        let width = Self.width(for: column)
        self.width = width
        storage = Slots(count: count * width)
        var required = [UInt16](repeating: 0, count: count)
        var documents: [UInt32] = [], starts: [UInt32] = [0], rest: [UInt32] = []
        for document in 0..<count {
            let entries = column.entries[Int(column.starts[document])..<Int(column.starts[document + 1])]
            let fitting = entries.prefix { Int($0 >> 1) + 1 < Int(Self.continued) }.count
            let inSlots = entries.count <= width && fitting == entries.count ? entries.count : min(fitting, width - 1)
            for (slot, entry) in entries.prefix(inSlots).enumerated() {
                storage.pointer[document * width + slot] = UInt16(entry >> 1) + 1
                if entry & 1 == 1 { required[document] |= 1 << UInt16(slot) }
            }
            if inSlots < entries.count {
                storage.pointer[document * width + width - 1] = Self.continued
                documents.append(UInt32(document))
                rest.append(contentsOf: entries.dropFirst(inSlots))
                starts.append(UInt32(rest.count))
            }
        }
        requiredSlots = required
        overflowDocuments = documents
        overflowStarts = starts
        overflowEntries = rest
    }

    /// The fewest slots of `widths` that hold every skill of 99 % of the column's documents.
    static func width(for column: SkillColumn) -> Int {
        let documents = column.starts.count - 1
        var fitting = [Int](repeating: 0, count: widths.count)
        for document in 0..<documents {
            let skills = Int(column.starts[document + 1] - column.starts[document])
            for (index, width) in widths.enumerated() where skills <= width { fitting[index] += 1 }
        }
        return widths.indices.first { fitting[$0] * 100 >= documents * 99 }.map { widths[$0] } ?? widths[widths.count - 1]
    }

    /// Whether `predicate` holds for one of the document's skills, each as `ordinal << 1 | required`,
    /// taken in the order the posting lists them; stops at the first that does.
    @inline(__always)
    func contains(in document: Int, where predicate: (UInt32) -> Bool) -> Bool {
        walk(document, from: 0, required: UInt32(requiredSlots[document]), until: predicate)
    }

    /// The document's skills from slot `first` on, then its overflow, each as `ordinal << 1 | required`
    /// with the required bit taken from `required` (bit i for slot i; overflow entries carry their
    /// own), until `stop` answers true; whether it did. The one place that reads a row.
    @inline(__always)
    private func walk(_ document: Int, from first: Int, required: UInt32, until stop: (UInt32) -> Bool) -> Bool {
        let row = slots + document * width
        for slot in first..<width - 1 {
            let value = row[slot]
            if value == 0 { break }
            if stop(UInt32(value - 1) << 1 | (required >> UInt32(slot)) & 1) { return true }
        }
        let last = row[width - 1]
        if last == Self.continued { return overflow(of: document).contains(where: stop) }
        return last != 0 && stop(UInt32(last - 1) << 1 | (required >> UInt32(width - 1)) & 1)
    }

    /// Calls `body` with each of the document's skills, as `contains(in:where:)` passes them.
    @inline(__always)
    func forEachEntry(in document: Int, _ body: (UInt32) -> Void) {
        _ = contains(in: document) { body($0); return false }
    }

    func skills(of document: Int) -> [PostingSkill] {
        var skills: [PostingSkill] = []
        forEachEntry(in: document) { skills.append(PostingSkill(name: values[Int($0 >> 1)], isRequired: $0 & 1 == 1)) }
        return skills
    }

    /// The documents among `candidates` holding one of the accepted skills (`accepted[ordinal]`),
    /// row by row: for a few candidates.
    func passing(within candidates: Bitset, accepted: [Bool]) -> Bitset {
        var set = Bitset(count: candidates.count)
        accepted.withUnsafeBufferPointer { accepted in
            candidates.forEach { document in
                if contains(in: document, where: { accepted[Int($0 >> 1)] }) { set.insert(document) }
            }
        }
        return set
    }

    /// Every document holding one of `ordinals`: each row compared with each wanted skill as one
    /// vector, with no branch per slot (for a skill outside a segment's most asked-for, over most of it).
    func documents(holdingAnyOf ordinals: [Int]) -> Bitset {
        switch width {
        case 2: scan(SIMD2<UInt16>.self, ordinals)
        case 4: scan(SIMD4<UInt16>.self, ordinals)
        case 8: scan(SIMD8<UInt16>.self, ordinals)
        default: scan(SIMD16<UInt16>.self, ordinals)
        }
    }

    private func scan<Row: SIMD>(_: Row.Type, _ ordinals: [Int]) -> Bitset where Row.Scalar == UInt16 {
        precondition(Row.scalarCount == width)
        var set = Bitset(count: count)
        // An ordinal too large for a slot is only ever in the overflow, which is read for rows marked so.
        let wanted = ordinals.filter { $0 + 1 < Int(Self.continued) }.map { Row(repeating: UInt16($0 + 1)) }
        let marker = Row(repeating: Self.continued)
        let rows = UnsafeRawPointer(slots)
        set.withUnsafeMutableWords { words in
            for document in 0..<count {
                // Rows start at multiples of their own size in storage aligned to 64 bytes.
                let row = rows.load(fromByteOffset: document * MemoryLayout<Row>.stride, as: Row.self)
                var found = false
                for skill in wanted where any(row .== skill) {
                    found = true
                    break
                }
                if !found, any(row .== marker) {
                    found = overflow(of: document).contains { ordinals.contains(Int($0 >> 1)) }
                }
                if found { words[document >> 6] |= 1 << UInt64(document & 63) }
            }
        }
        return set
    }

    /// Adds one to each value's count for every document of `documents` holding it.
    ///
    /// The documents of a search lie far apart, so each one's row is a read from memory. Documents
    /// are taken a batch at a time: the first slot of each is counted first, so the processor fetches
    /// the whole batch's rows at once; counting the rest then finds them in cache.
    func tally(_ documents: Bitset, into counts: inout [Int32]) {
        let batchSize = 64
        counts.withUnsafeMutableBufferPointer { counts in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: batchSize) { batch in
                var batched = 0
                func countBatch() {
                    for slot in 0..<batched {
                        let value = slots[batch[slot] * width]
                        if value != 0 { counts[Int(value) - 1] &+= 1 }
                    }
                    // The rest: the required bits are not read, so counting touches the rows alone.
                    for slot in 0..<batched {
                        _ = walk(batch[slot], from: 1, required: 0) { counts[Int($0 >> 1)] &+= 1; return false }
                    }
                    batched = 0
                }
                documents.forEach { document in
                    batch[batched] = document
                    batched += 1
                    if batched == batchSize { countBatch() }
                }
                countBatch()
            }
        }
    }

    /// The skills of `document` past its slots (only for a document whose last slot says so).
    private func overflow(of document: Int) -> ArraySlice<UInt32> {
        var low = 0, high = overflowDocuments.count
        while low < high {
            let middle = (low + high) / 2
            if Int(overflowDocuments[middle]) < document { low = middle + 1 } else { high = middle }
        }
        return overflowEntries[Int(overflowStarts[low])..<Int(overflowStarts[low + 1])]
    }

    /// How many skills each document holds, and all of them in document order: the lists
    /// `SkillColumn` built, for saving the segment.
    func lists() -> (counts: [UInt32], entries: [UInt32]) {
        var counts = [UInt32](repeating: 0, count: count), entries: [UInt32] = []
        for document in 0..<count {
            let before = entries.count
            forEachEntry(in: document) { entries.append($0) }
            counts[document] = UInt32(entries.count - before)
        }
        return (counts, entries)
    }

    /// The slots, zeroed, in memory aligned to a cache line, so that no row straddles two lines.
    private final class Slots {
        let pointer: UnsafeMutablePointer<UInt16>
        init(count: Int) {
            pointer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 2, alignment: 64)
                .initializeMemory(as: UInt16.self, repeating: 0, count: max(count, 1))
        }
        deinit { pointer.deallocate() }
    }
}
