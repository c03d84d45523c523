import Synchronization

/// One number per value of a facet (a skill name, a location, a company) across every segment of
/// the process, so facet counts from many segments add up in a plain array instead of a dictionary
/// keyed by names. Names are only added.
///
/// A registry also finds its names by what a filter asks for (a location's words, a company's folded
/// name), once per search: a segment then accepts a value by its number, with no text compared per
/// segment. A real feed names tens of thousands of employers and towns, and comparing each segment's
/// values with the filter's text at every search cost more than the search itself.
final class FacetValueNames: Sendable {
    /// How a registry's names are found.
    enum Lookup {
        /// By exact name only.
        case exact
        /// Also by the name lowercased (a seeker's skills, for match) and by the name folded (the skill filter).
        case lowercasedAndFolded
        /// Also by the name folded (companies, for the company filter).
        case folded
        /// Also by each folded word of the name (locations, for the location filter).
        case words
    }

    static let skills = FacetValueNames(lookup: .lowercasedAndFolded)
    static let locations = FacetValueNames(lookup: .words)
    static let companies = FacetValueNames(lookup: .folded)
    static let employmentTypes = FacetValueNames(lookup: .exact)

    private struct Table {
        var ids: [String: Int32] = [:]
        var names: [String] = []
        /// Per number: the name's first eight UTF-8 bytes as one big-endian number (`sortKey(_:)`).
        var sortKeys: [UInt64] = []
        /// Per key (lowercased name, folded name or folded word, after `lookup`): the numbers of the
        /// names with that key, ascending.
        var byKey: [String: [Int32]] = [:]
        /// Per folded name, for `.lowercasedAndFolded` (whose `byKey` holds lowercased names).
        var byFolded: [String: [Int32]] = [:]
    }

    private let table = Mutex(Table())
    private let lookup: Lookup

    init(lookup: Lookup = .exact) {
        self.lookup = lookup
    }

    /// The number of each name, assigning new ones.
    func ids(for names: [String]) -> [Int32] {
        table.withLock { table in
            names.map { name in
                if let id = table.ids[name] { return id }
                let id = Int32(table.names.count)
                table.names.append(name)
                table.sortKeys.append(Self.sortKey(name))
                table.ids[name] = id
                for key in keys(of: name) { table.byKey[key, default: []].append(id) }
                if lookup == .lowercasedAndFolded { table.byFolded[TextFolding.fold(name), default: []].append(id) }
                return id
            }
        }
    }

    private func keys(of name: String) -> [String] {
        switch lookup {
        case .exact: []
        case .lowercasedAndFolded: [name.lowercased()]
        case .folded: [TextFolding.fold(name)]
        case .words: Array(Set(Self.words(name)))
        }
    }

    /// The numbers of the names (`.lowercasedAndFolded` registries) that read as one of `names` without regard to case.
    func ids(matchingLowercased names: Set<String>) -> Set<Int32> {
        ids(keyedBy: names)
    }

    /// The numbers of the names (`.folded` and `.lowercasedAndFolded` registries) that fold to one of `folded`.
    func ids(folded: Set<String>) -> [Int32] {
        guard lookup == .lowercasedAndFolded else { return Array(ids(keyedBy: folded)) }
        return table.withLock { table in Array(Set(folded.flatMap { table.byFolded[$0] ?? [] })) }
    }

    private func ids(keyedBy keys: Set<String>) -> Set<Int32> {
        table.withLock { table in Set(keys.flatMap { table.byKey[$0] ?? [] }) }
    }

    /// The numbers of the names (`.words` registries) holding every word of at least one of `phrases`
    /// (each already split by `words(_:)`): "new york" accepts "New York, NY" and "New York City".
    func ids(holdingEveryWordOfAny phrases: [[String]]) -> [Int32] {
        table.withLock { table in
            var found = Set<Int32>()
            for phrase in phrases where !phrase.isEmpty {
                let lists = phrase.map { table.byKey[$0] ?? [] }.sorted { $0.count < $1.count }
                let others = lists.dropFirst().map(Set.init)
                for id in lists[0] where others.allSatisfy({ $0.contains(id) }) { found.insert(id) }
            }
            return Array(found)
        }
    }

    /// Per number so far: whether it is one of `ids`. What a search hands every segment, which
    /// reads its values' numbers through it.
    func acceptance(of ids: [Int32]) -> [Bool] {
        var accepted = [Bool](repeating: false, count: count)
        for id in ids where Int(id) < accepted.count { accepted[Int(id)] = true }
        return accepted
    }

    var count: Int { table.withLock { $0.names.count } }

    /// Every name so far, by number.
    var names: [String] { table.withLock { $0.names } }

    /// Every name so far with its sort key, by number.
    var namesWithSortKeys: (names: [String], sortKeys: [UInt64]) { table.withLock { ($0.names, $0.sortKeys) } }

    /// The name's first eight UTF-8 bytes, zero-padded, as one big-endian number: two names whose
    /// keys differ are in the keys' order byte by byte, so ranking ties by name compares two numbers
    /// and only reads the names when their first eight bytes agree.
    static func sortKey(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        var taken = 0
        for byte in name.utf8.prefix(8) {
            key = key << 8 | UInt64(byte)
            taken += 1
        }
        return taken == 0 ? 0 : key << UInt64(8 * (8 - taken))
    }

    /// A location's folded words, as the location filter compares them.
    static func words(_ text: String) -> [String] {
        TextFolding.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
