import CareerAgent
import Foundation
import SQLKit

/// Resumes over SQLKit; what was read from a resume is kept as one JSON document.
public struct SQLResumeRepository: ResumeRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ resume: Resume) async throws -> Resume {
        let parsed = String(decoding: try JSONEncoder().encode(resume.parsed), as: UTF8.self)
        return try await store.transaction { database in
            let hasPrimary = try await database.raw("""
                SELECT 1 AS one FROM resumes WHERE user_id = \(bind: resume.userID) AND is_primary = 1
                """).first() != nil
            var stored = resume
            stored.isPrimary = !hasPrimary
            try await database.raw("""
                INSERT INTO resumes (id, user_id, file_name, content_type, byte_size, blob_key, body, parsed, is_primary, created_at)
                VALUES (\(bind: stored.id), \(bind: stored.userID), \(bind: stored.fileName), \(bind: stored.contentType),
                        \(bind: Int64(stored.byteSize)), \(bind: stored.blobKey), \(bind: stored.text), \(bind: parsed),
                        \(bind: stored.isPrimary ? 1 : 0), \(bind: Milliseconds.from(stored.createdAt)))
                """).run()
            return stored
        }
    }

    public func resume(id: String, owner: String) async throws -> Resume? {
        try await store.read { database in
            try await database.raw("SELECT * FROM resumes WHERE id = \(bind: id) AND user_id = \(bind: owner)").first().map(Self.resume)
        }
    }

    public func resumes(owner: String) async throws -> [Resume] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM resumes WHERE user_id = \(bind: owner) ORDER BY created_at DESC, id
                """).all().map(Self.resume)
        }
    }

    public func primary(owner: String) async throws -> Resume? {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM resumes WHERE user_id = \(bind: owner) ORDER BY is_primary DESC, created_at DESC, id LIMIT 1
                """).first().map(Self.resume)
        }
    }

    public func markPrimary(id: String, owner: String) async throws -> Bool {
        try await store.transaction { database in
            guard try await database.raw("SELECT 1 AS one FROM resumes WHERE id = \(bind: id) AND user_id = \(bind: owner)").first() != nil
            else { return false }
            try await database.raw("""
                UPDATE resumes SET is_primary = CASE WHEN id = \(bind: id) THEN 1 ELSE 0 END WHERE user_id = \(bind: owner)
                """).run()
            return true
        }
    }

    public func delete(id: String, owner: String) async throws -> Resume? {
        try await store.transaction { database in
            guard let removed = try await database.raw("""
                SELECT * FROM resumes WHERE id = \(bind: id) AND user_id = \(bind: owner)
                """).first().map(Self.resume) else { return nil }
            try await database.raw("DELETE FROM resumes WHERE id = \(bind: id) AND user_id = \(bind: owner)").run()
            if removed.isPrimary {
                try await database.raw("""
                    UPDATE resumes SET is_primary = 1 WHERE id = (
                        SELECT id FROM resumes WHERE user_id = \(bind: owner) ORDER BY created_at DESC, id LIMIT 1)
                    """).run()
            }
            return removed
        }
    }

    private static func resume(_ row: any SQLRow) throws -> Resume {
        let parsed = try JSONDecoder().decode(ParsedResume.self, from: Data(try row.decode(column: "parsed", as: String.self).utf8))
        return Resume(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            contentType: try row.decode(column: "content_type", as: String.self),
            byteSize: Int(try row.decode(column: "byte_size", as: Int64.self)), blobKey: try row.decode(column: "blob_key", as: String.self),
            text: try row.decode(column: "body", as: String.self), parsed: parsed,
            isPrimary: try row.decode(column: "is_primary", as: Int64.self) == 1,
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
