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
    /// The ways a registry's names are also found, besides their exact text.
    struct Lookups: OptionSet, Sendable {
        let rawValue: Int
        /// By the name lowercased (a seeker's skills, for match).
        static let lowercased = Lookups(rawValue: 1)
        /// By the name folded (the company and skill filters).
        static let folded = Lookups(rawValue: 2)
        /// By each folded word of the name (the location filter).
        static let words = Lookups(rawValue: 4)
    }

    static let skills = FacetValueNames(lookups: [.lowercased, .folded])
    static let locations = FacetValueNames(lookups: .words)
    static let companies = FacetValueNames(lookups: .folded)
    static let employmentTypes = FacetValueNames(lookups: [])

    private struct Table {
        var ids: [String: Int32] = [:]
        var names: [String] = []
        /// Per number: the name's first eight UTF-8 bytes as one big-endian number (`sortKey(_:)`).
        var sortKeys: [UInt64] = []
        /// Per lowercased name, folded name and folded word (for the registry's `lookups`): the numbers
        /// of the names with it, ascending.
        var byLowercased: [String: [Int32]] = [:]
        var byFolded: [String: [Int32]] = [:]
        var byWord: [String: [Int32]] = [:]
    }

    private let table = Mutex(Table())
    private let lookups: Lookups

    init(lookups: Lookups) {
        self.lookups = lookups
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
                if lookups.contains(.lowercased) { table.byLowercased[name.lowercased(), default: []].append(id) }
                if lookups.contains(.folded) { table.byFolded[TextFolding.fold(name), default: []].append(id) }
                if lookups.contains(.words) { for word in Set(Self.words(name)) { table.byWord[word, default: []].append(id) } }
                return id
            }
        }
    }

    /// The numbers of the names (registries with `.lowercased`) that read as one of `names` without regard to case.
    func ids(matchingLowercased names: Set<String>) -> Set<Int32> {
        table.withLock { table in Set(names.flatMap { table.byLowercased[$0] ?? [] }) }
    }

    /// The numbers of the names (registries with `.folded`) that fold to one of `folded`.
    func ids(folded: Set<String>) -> [Int32] {
        table.withLock { table in Array(Set(folded.flatMap { table.byFolded[$0] ?? [] })) }
    }

    /// The numbers of the names (registries with `.words`) holding every word of at least one of `phrases`
    /// (each already split by `words(_:)`): "new york" accepts "New York, NY" and "New York City".
    func ids(holdingEveryWordOfAny phrases: [[String]]) -> [Int32] {
        table.withLock { table in
            var found = Set<Int32>()
            for phrase in phrases where !phrase.isEmpty {
                let lists = phrase.map { table.byWord[$0] ?? [] }.sorted { $0.count < $1.count }
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
