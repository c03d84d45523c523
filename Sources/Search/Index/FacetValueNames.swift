import Synchronization

/// One number per value of a facet (a skill name, a location, a company) across every segment of
/// the process, so facet counts from many segments add up in a plain array instead of a dictionary
/// keyed by names. Names are only added.
final class FacetValueNames: Sendable {
    /// Skills are also looked up without regard to case (a seeker's skills, for match).
    static let skills = FacetValueNames(indexesLowercased: true)
    static let locations = FacetValueNames()
    static let companies = FacetValueNames()
    static let employmentTypes = FacetValueNames()

    private let table = Mutex((ids: [String: Int32](), names: [String](), byLowercased: [String: [Int32]]()))
    private let indexesLowercased: Bool

    init(indexesLowercased: Bool = false) {
        self.indexesLowercased = indexesLowercased
    }

    /// The number of each name, assigning new ones.
    func ids(for names: [String]) -> [Int32] {
        table.withLock { table in
            names.map { name in
                if let id = table.ids[name] { return id }
                let id = Int32(table.names.count)
                table.names.append(name)
                table.ids[name] = id
                if indexesLowercased { table.byLowercased[name.lowercased(), default: []].append(id) }
                return id
            }
        }
    }

    /// The numbers of the names that read as one of `names` without regard to case (registries made
    /// with `indexesLowercased` only).
    func ids(matchingLowercased names: Set<String>) -> Set<Int32> {
        table.withLock { table in Set(names.flatMap { table.byLowercased[$0] ?? [] }) }
    }

    var count: Int { table.withLock { $0.names.count } }

    /// Every name so far, by number.
    var names: [String] { table.withLock { $0.names } }
}
