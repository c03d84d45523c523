import Domain

/// Something that happened to access, as a caller reports it: what was done, by whom, to what, with the
/// particulars. The log gives it a number, a time and its place in the hash chain (`AuditEntry`).
public struct AuditEvent: Sendable, Equatable {
    /// What happened, as `noun.verb`: `request.submitted`, `request.decided`, `approval.approved`,
    /// `approval.denied`, `grant.created`, `grant.revoked`, `directory.imported`.
    public var action: String
    /// Who did it: a user id, `system`, or an API key's name.
    public var actor: String
    /// The id the event is about, such as a request id.
    public var subject: String
    /// The particulars (the decision's reasons, the role granted, its expiry), as the caller wants them kept.
    public var details: JSONValue

    public init(action: String, actor: String, subject: String, details: JSONValue = .object([:])) {
        self.action = action
        self.actor = actor
        self.subject = subject
        self.details = details
    }
}
