import AccessGovernance
import Foundation
import SQLKit

/// The directory over SQLKit: one table per kind, each row its entity as JSON in import order, and
/// one revision moved by every write (grants move it too, from the request repository).
public struct SQLAccessDirectoryRepository: AccessDirectoryRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func revision() async throws -> Int64 {
        try await store.read { database in try await Self.revision(database) }
    }

    static func revision(_ database: any SQLDatabase) async throws -> Int64 {
        try await database.raw("SELECT revision FROM access_directory_revision WHERE id = 1").first()?.decode(column: "revision", as: Int64.self) ?? 0
    }

    static func bumpRevision(_ database: any SQLDatabase) async throws {
        try await database.raw("UPDATE access_directory_revision SET revision = revision + 1 WHERE id = 1").run()
    }

    public func load() async throws -> (document: DirectoryDocument, revision: Int64) {
        try await store.read { database in
            let revision = try await Self.revision(database)
            func documents<T: Decodable>(_ table: String, as type: T.Type) async throws -> [T] {
                try await database.raw("SELECT document FROM \(unsafeRaw: table) ORDER BY position").all()
                    .map { try StoredJSON.decode(type, try $0.decode(column: "document", as: String.self)) }
            }
            var document = DirectoryDocument(
                users: try await documents("access_users", as: DirectoryUser.self),
                applications: try await documents("access_applications", as: DirectoryApplication.self),
                roles: try await documents("access_roles", as: DirectoryRole.self),
                userRoles: try await database.raw("SELECT user_id, role_id FROM access_user_roles ORDER BY position").all().map { row in
                    RoleAssignment(userID: try row.decode(column: "user_id", as: String.self), roleID: try row.decode(column: "role_id", as: String.self))
                },
                policies: try await documents("access_policies", as: AccessPolicy.self))
            let grants = try await database.raw("""
                SELECT user_id, role_id, expires_at, request_id FROM access_grants WHERE ended_at IS NULL ORDER BY granted_at, id
                """).all()
            for row in grants {
                document.userRoles.append(RoleAssignment(
                    userID: try row.decode(column: "user_id", as: String.self), roleID: try row.decode(column: "role_id", as: String.self),
                    expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(Milliseconds.date),
                    grantedBy: try row.decode(column: "request_id", as: String.self)))
            }
            return (document, revision)
        }
    }

    public func replace(with document: DirectoryDocument, expectedRevision: Int64) async throws -> Int64? {
        let rows = try Self.rows(document)
        return try await store.transaction { database in
            guard let revision = try await database.raw("""
                UPDATE access_directory_revision SET revision = revision + 1 WHERE id = 1 AND revision = \(bind: expectedRevision) RETURNING revision
                """).first()?.decode(column: "revision", as: Int64.self) else { return nil }
            for (table, entries) in rows {
                try await database.raw("DELETE FROM \(unsafeRaw: table)").run()
                for (position, entry) in entries.enumerated() {
                    try await database.raw("""
                        INSERT INTO \(unsafeRaw: table) (id, position, document) VALUES (\(bind: entry.id), \(bind: Int64(position)), \(bind: entry.document))
                        """).run()
                }
            }
            try await database.raw("DELETE FROM access_user_roles").run()
            var seen = Set<String>()
            for (position, assignment) in document.userRoles.enumerated() where seen.insert("\(assignment.userID)\u{0}\(assignment.roleID)").inserted {
                try await database.raw("""
                    INSERT INTO access_user_roles (user_id, role_id, position)
                    VALUES (\(bind: assignment.userID), \(bind: assignment.roleID), \(bind: Int64(position)))
                    """).run()
            }
            return revision
        }
    }

    private static func rows(_ document: DirectoryDocument) throws -> [(String, [(id: String, document: String)])] {
        [
            ("access_users", try document.users.map { ($0.userID, try StoredJSON.encode($0)) }),
            ("access_applications", try document.applications.map { ($0.appID, try StoredJSON.encode($0)) }),
            ("access_roles", try document.roles.map { ($0.roleID, try StoredJSON.encode($0)) }),
            ("access_policies", try document.policies.map { ($0.policyID, try StoredJSON.encode($0)) }),
        ]
    }
}
