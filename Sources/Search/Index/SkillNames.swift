import Synchronization

/// One number per skill name across every segment of the process, so facet counts from many
/// segments add up in a plain array instead of a dictionary keyed by names. Names are only added.
final class SkillNames: Sendable {
    static let shared = SkillNames()

    private let table = Mutex((ids: [String: Int32](), names: [String]()))

    /// The number of each name, assigning new ones.
    func ids(for names: [String]) -> [Int32] {
        table.withLock { table in
            names.map { name in
                if let id = table.ids[name] { return id }
                let id = Int32(table.names.count)
                table.names.append(name)
                table.ids[name] = id
                return id
            }
        }
    }

    /// Every name so far, by number.
    var names: [String] { table.withLock { $0.names } }
}
