/// The documents of one column value (a segment's frequently asked-for skill), kept in whichever form
/// is smaller: a bitset when the value is common, its sorted document numbers when it is rare.
///
/// A facet over many results counts each such value against the result set. A bitset makes that a
/// pass over two whole bitsets; a rare value's list is read once and each of its documents looked up in
/// the result, which stays in cache: for a value in under one document of 64 that reads a quarter of
/// the bytes or less. The counts are the same either way.
enum DocumentSet: Sendable {
    case dense(Bitset)
    case sparse([UInt32])

    /// Whether a value in `count` of `segmentCount` documents is kept as a list.
    static func isSparse(count: Int, segmentCount: Int) -> Bool { count * 64 <= segmentCount }

    /// `documents` sorted ascending, of a segment of `segmentCount` documents.
    init(documents: [UInt32], segmentCount: Int) {
        if Self.isSparse(count: documents.count, segmentCount: segmentCount) {
            self = .sparse(documents)
        } else {
            var set = Bitset(count: segmentCount)
            for document in documents { set.insert(Int(document)) }
            self = .dense(set)
        }
    }

    /// The documents of each skill of `ordinals` in `skills`, gathered in one pass over the column straight into the
    /// form each skill's count in `frequencies` calls for (a segment derives these every time it opens).
    static func sets(of ordinals: [Int], frequencies: [Int32], in skills: SkillColumn, segmentCount: Int) -> [DocumentSet] {
        let sparse = ordinals.map { isSparse(count: Int(frequencies[$0]), segmentCount: segmentCount) }
        var lists = ordinals.indices.map { index in
            var list: [UInt32] = []
            if sparse[index] { list.reserveCapacity(Int(frequencies[ordinals[index]])) }
            return list
        }
        var bitsets = sparse.map { Bitset(count: $0 ? 0 : segmentCount) }
        var slot = [Int](repeating: -1, count: frequencies.count)
        for (index, ordinal) in ordinals.enumerated() { slot[ordinal] = index }
        for document in 0..<segmentCount {
            for entry in skills.entries[Int(skills.starts[document])..<Int(skills.starts[document + 1])] {
                let index = slot[Int(entry >> 1)]
                if index < 0 { continue }
                if sparse[index] { lists[index].append(UInt32(document)) } else { bitsets[index].insert(document) }
            }
        }
        return ordinals.indices.map { sparse[$0] ? .sparse(lists[$0]) : .dense(bitsets[$0]) }
    }

    /// Adds these documents to `set`.
    func addAll(to set: inout Bitset) {
        switch self {
        case .dense(let documents): set.formUnion(documents)
        case .sparse(let documents): for document in documents { set.insert(Int(document)) }
        }
    }

    /// How many of these documents `result` holds.
    func intersectionCount(_ result: Bitset) -> Int {
        switch self {
        case .dense(let set):
            return result.intersectionCount(set)
        case .sparse(let documents):
            // `Bitset.contains` per document, with its bounds check, made the facet measurably slower at 1M.
            return result.words.withUnsafeBufferPointer { words in
                var count = 0
                for document in documents { count &+= Int(truncatingIfNeeded: (words[Int(document >> 6)] >> UInt64(document & 63)) & 1) }
                return count
            }
        }
    }
}
