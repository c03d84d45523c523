import CareerAgent
import Foundation
import SQLKit

/// Triaged messages over SQLKit; the analysis and the proposal are JSON documents.
public struct SQLEmailRepository: EmailRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insertOnce(_ email: TriagedEmail) async throws -> (email: TriagedEmail, inserted: Bool) {
        let analysis = try Self.json(email.analysis), proposal = try email.proposal.map(Self.json)
        let inserted = try await store.write { database in
            try await database.raw("""
                INSERT INTO emails (id, user_id, message_key, source, mailbox_id, from_address, from_name, subject, sent_at, received_at,
                                    excerpt, analysis, proposal, state, application_id, decided_at)
                VALUES (\(bind: email.id), \(bind: email.userID), \(bind: email.messageKey), \(bind: email.source.rawValue),
                        \(bind: email.mailboxID), \(bind: email.fromAddress), \(bind: email.fromName), \(bind: email.subject),
                        \(bind: email.sentAt.map(Milliseconds.from)), \(bind: Milliseconds.from(email.receivedAt)), \(bind: email.excerpt),
                        \(bind: analysis), \(bind: proposal), \(bind: email.state.rawValue), \(bind: email.applicationID),
                        \(bind: email.decidedAt.map(Milliseconds.from)))
                ON CONFLICT (user_id, message_key) DO NOTHING RETURNING id
                """).first() != nil
        }
        if inserted { return (email, true) }
        let existing = try await store.read { database in
            try await database.raw("SELECT * FROM emails WHERE user_id = \(bind: email.userID) AND message_key = \(bind: email.messageKey)")
                .first().map(Self.email)
        }
        guard let existing else { return (email, false) }
        return (existing, false)
    }

    public func email(id: String, owner: String) async throws -> TriagedEmail? {
        try await store.read { database in
            try await database.raw("SELECT * FROM emails WHERE id = \(bind: id) AND user_id = \(bind: owner)").first().map(Self.email)
        }
    }

    public func emails(owner: String, state: EmailState?, limit: Int) async throws -> [TriagedEmail] {
        try await store.read { database in
            if let state {
                return try await database.raw("""
                    SELECT * FROM emails WHERE user_id = \(bind: owner) AND state = \(bind: state.rawValue)
                    ORDER BY received_at DESC, id LIMIT \(bind: limit)
                    """).all().map(Self.email)
            }
            return try await database.raw("SELECT * FROM emails WHERE user_id = \(bind: owner) ORDER BY received_at DESC, id LIMIT \(bind: limit)")
                .all().map(Self.email)
        }
    }

    public func update(_ email: TriagedEmail) async throws -> Bool {
        let proposal = try email.proposal.map(Self.json)
        return try await store.write { database in
            try await database.raw("""
                UPDATE emails SET state = \(bind: email.state.rawValue), application_id = \(bind: email.applicationID),
                    decided_at = \(bind: email.decidedAt.map(Milliseconds.from)), proposal = \(bind: proposal)
                WHERE id = \(bind: email.id) AND user_id = \(bind: email.userID) RETURNING id
                """).first() != nil
        }
    }

    private static func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private static func email(_ row: any SQLRow) throws -> TriagedEmail {
        TriagedEmail(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            messageKey: try row.decode(column: "message_key", as: String.self),
            source: EmailSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .api,
            mailboxID: try row.decode(column: "mailbox_id", as: String?.self),
            fromAddress: try row.decode(column: "from_address", as: String?.self), fromName: try row.decode(column: "from_name", as: String?.self),
            subject: try row.decode(column: "subject", as: String.self),
            sentAt: try row.decode(column: "sent_at", as: Int64?.self).map(Milliseconds.date),
            receivedAt: Milliseconds.date(try row.decode(column: "received_at", as: Int64.self)),
            excerpt: try row.decode(column: "excerpt", as: String.self),
            analysis: try JSONDecoder().decode(EmailAnalysis.self, from: Data(try row.decode(column: "analysis", as: String.self).utf8)),
            proposal: try row.decode(column: "proposal", as: String?.self).map { try JSONDecoder().decode(ProposedAction.self, from: Data($0.utf8)) },
            state: EmailState(rawValue: try row.decode(column: "state", as: String.self)) ?? .pending,
            applicationID: try row.decode(column: "application_id", as: String?.self),
            decidedAt: try row.decode(column: "decided_at", as: Int64?.self).map(Milliseconds.date)
        )
    }
}
