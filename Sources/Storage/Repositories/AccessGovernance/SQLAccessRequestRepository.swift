import AccessGovernance
import Foundation
import SQLKit

/// Access requests over SQLKit: each request is one JSON document with the columns its lists filter
/// on; its grant is also a row of `access_grants`, which the scheduler and the directory read.
public struct SQLAccessRequestRepository: AccessRequestRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ request: AccessRequest) async throws {
        let document = try StoredJSON.encode(request)
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO access_requests (id, owner_account_id, requester_user_id, target_user_id, status, document, created_at, updated_at)
                VALUES (\(bind: request.id), \(bind: request.ownerAccountID), \(bind: request.requesterUserID), \(bind: request.entities.userID),
                        \(bind: request.status.rawValue), \(bind: document), \(bind: Milliseconds.from(request.createdAt)),
                        \(bind: Milliseconds.from(request.updatedAt)))
                """).run()
            if let grant = request.grant {
                try await Self.save(grant, in: database)
                try await SQLAccessDirectoryRepository.bumpRevision(database)
            }
        }
    }

    public func request(id: String) async throws -> AccessRequest? {
        try await store.read { database in
            try await database.raw("SELECT document FROM access_requests WHERE id = \(bind: id)").first().map(Self.request)
        }
    }

    public func requests(owner: String?, requester: String?, status: AccessRequestStatus?, limit: Int) async throws -> [AccessRequest] {
        try await store.read { database in
            var query = SQLQueryString("SELECT document FROM access_requests WHERE 1 = 1")
            switch (owner, requester) {
            case let (owner?, requester?):
                query.appendInterpolation(unsafeRaw: " AND (owner_account_id = ")
                query.appendInterpolation(bind: owner)
                query.appendInterpolation(unsafeRaw: " OR requester_user_id = ")
                query.appendInterpolation(bind: requester)
                query.appendInterpolation(unsafeRaw: ")")
            case let (owner?, nil):
                query.appendInterpolation(unsafeRaw: " AND owner_account_id = ")
                query.appendInterpolation(bind: owner)
            case let (nil, requester?):
                query.appendInterpolation(unsafeRaw: " AND requester_user_id = ")
                query.appendInterpolation(bind: requester)
            case (nil, nil):
                break
            }
            if let status {
                query.appendInterpolation(unsafeRaw: " AND status = ")
                query.appendInterpolation(bind: status.rawValue)
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY created_at DESC, id LIMIT \(max(1, min(limit, 1_000)))")
            return try await database.raw(query).all().map(Self.request)
        }
    }

    public func update(_ request: AccessRequest, expecting expected: AccessRequestStatus) async throws -> Bool {
        let document = try StoredJSON.encode(request)
        return try await store.transaction { database in
            guard try await database.raw("""
                UPDATE access_requests SET status = \(bind: request.status.rawValue), document = \(bind: document),
                    target_user_id = \(bind: request.entities.userID), updated_at = \(bind: Milliseconds.from(request.updatedAt))
                WHERE id = \(bind: request.id) AND status = \(bind: expected.rawValue) RETURNING id
                """).first() != nil else { return false }
            if let grant = request.grant {
                try await Self.save(grant, in: database)
                if request.status != expected { try await SQLAccessDirectoryRepository.bumpRevision(database) }
            }
            return true
        }
    }

    public func requests(changedSince date: Date, limit: Int) async throws -> [AccessRequest] {
        try await store.read { database in
            try await database.raw("""
                SELECT document FROM access_requests WHERE updated_at >= \(bind: Milliseconds.from(date))
                ORDER BY updated_at, id LIMIT \(unsafeRaw: String(max(1, min(limit, 10_000))))
                """).all().map(Self.request)
        }
    }

    public func requestsWithGrantsEnding(atOrBefore date: Date) async throws -> [String] {
        try await store.read { database in
            try await database.raw("""
                SELECT request_id FROM access_grants
                WHERE ended_at IS NULL AND expires_at IS NOT NULL AND expires_at <= \(bind: Milliseconds.from(date)) ORDER BY expires_at
                """).all().map { try $0.decode(column: "request_id", as: String.self) }
        }
    }

    public func chatSession(id: String, owner: String) async throws -> AccessChatSession? {
        try await store.read { database in
            try await database.raw("SELECT document FROM access_chat_sessions WHERE id = \(bind: id) AND owner_account_id = \(bind: owner)").first()
                .map { try StoredJSON.decode(AccessChatSession.self, try $0.decode(column: "document", as: String.self)) }
        }
    }

    public func save(_ session: AccessChatSession) async throws {
        let document = try StoredJSON.encode(session)
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO access_chat_sessions (id, owner_account_id, document, updated_at)
                VALUES (\(bind: session.id), \(bind: session.ownerAccountID), \(bind: document), \(bind: Milliseconds.from(session.updatedAt)))
                ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
                """).run()
        }
    }

    private static func save(_ grant: AccessGrant, in database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO access_grants (id, request_id, user_id, role_id, granted_at, expires_at, ended_at, end_reason)
            VALUES (\(bind: grant.id), \(bind: grant.requestID), \(bind: grant.userID), \(bind: grant.roleID), \(bind: Milliseconds.from(grant.grantedAt)),
                    \(bind: grant.expiresAt.map(Milliseconds.from)), \(bind: grant.endedAt.map(Milliseconds.from)), \(bind: grant.endReason))
            ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, end_reason = excluded.end_reason
            """).run()
    }

    private static func request(_ row: any SQLRow) throws -> AccessRequest {
        try StoredJSON.decode(AccessRequest.self, try row.decode(column: "document", as: String.self))
    }
}
