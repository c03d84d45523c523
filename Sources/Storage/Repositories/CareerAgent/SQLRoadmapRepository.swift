import CareerAgent
import Foundation
import SQLKit

/// Roadmaps over SQLKit; learned skills are one JSON array.
public struct SQLRoadmapRepository: RoadmapRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ roadmap: Roadmap) async throws {
        let learned = try Self.encode(roadmap.learned)
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO roadmaps (id, user_id, target_role, from_role, learned, created_at, updated_at)
                VALUES (\(bind: roadmap.id), \(bind: roadmap.userID), \(bind: roadmap.targetRole), \(bind: roadmap.currentRole),
                        \(bind: learned), \(bind: Milliseconds.from(roadmap.createdAt)), \(bind: Milliseconds.from(roadmap.updatedAt)))
                """).run()
        }
    }

    public func roadmap(id: String, owner: String) async throws -> Roadmap? {
        try await store.read { database in
            try await database.raw("SELECT * FROM roadmaps WHERE id = \(bind: id) AND user_id = \(bind: owner)").first().map(Self.roadmap)
        }
    }

    public func roadmaps(owner: String) async throws -> [Roadmap] {
        try await store.read { database in
            try await database.raw("SELECT * FROM roadmaps WHERE user_id = \(bind: owner) ORDER BY created_at DESC, id").all().map(Self.roadmap)
        }
    }

    public func update(_ roadmap: Roadmap) async throws -> Bool {
        let learned = try Self.encode(roadmap.learned)
        return try await store.transaction { database in
            try await database.raw("""
                UPDATE roadmaps SET learned = \(bind: learned), updated_at = \(bind: Milliseconds.from(roadmap.updatedAt))
                WHERE id = \(bind: roadmap.id) AND user_id = \(bind: roadmap.userID) RETURNING id
                """).first() != nil
        }
    }

    private static func encode(_ names: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(names), as: UTF8.self)
    }

    private static func roadmap(_ row: any SQLRow) throws -> Roadmap {
        Roadmap(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            targetRole: try row.decode(column: "target_role", as: String.self),
            currentRole: try row.decode(column: "from_role", as: String?.self),
            learned: try JSONDecoder().decode([String].self, from: Data(try row.decode(column: "learned", as: String.self).utf8)),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
