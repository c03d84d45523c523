import Domain
import Foundation

/// One event in the audit log, numbered and chained: `previousHash` is the content hash of the entry
/// before it (64 zeros for the first) and `contentHash` covers everything else (see `AuditChain`), so an
/// edit, a deletion or a reordering shows as a broken link.
public struct AuditEntry: Sendable, Equatable {
    /// 1, 2, 3… with no gaps.
    public var sequence: Int64
    /// When it was logged, to the millisecond (see `AuditMilliseconds`).
    public var at: Date
    public var action: String
    public var actor: String
    public var subject: String
    public var details: JSONValue
    /// Hex SHA-256 content hash of the entry before; `AuditChain.genesisHash` for the first.
    public var previousHash: String
    /// Hex SHA-256 of this entry's canonical form.
    public var contentHash: String

    public init(
        sequence: Int64, at: Date, action: String, actor: String, subject: String, details: JSONValue,
        previousHash: String, contentHash: String
    ) {
        self.sequence = sequence
        self.at = at
        self.action = action
        self.actor = actor
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.contentHash = contentHash
    }

    /// The time as the chain hashes and the database stores it.
    public var atMilliseconds: Int64 { AuditMilliseconds.of(at) }

    /// The event as it was reported.
    public var event: AuditEvent { AuditEvent(action: action, actor: actor, subject: subject, details: details) }

    /// The entry's head: what to write down outside the log to detect a later truncation.
    public var head: AuditHead { AuditHead(sequence: sequence, hash: contentHash) }
}
