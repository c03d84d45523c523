import Foundation

/// Where a request stands.
public enum AccessRequestStatus: String, Codable, Sendable, CaseIterable {
    /// A slot is missing, unknown or ambiguous: the requester is asked.
    case needsClarification = "needs_clarification"
    /// A check failed.
    case rejected
    case pendingApproval = "pending_approval"
    /// Approved (by people or the threshold) and granted.
    case granted
    case denied
    /// Granted, then taken back before its end.
    case revoked
    /// Granted for a time that has passed; the scheduler took it back.
    case expired
}

/// One approval a request waits for, and what the approver said.
public struct ApprovalStep: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable { case pending, approved, denied }
    public var approver: Approver
    /// The directory user expected to act (the manager, the owner); any IT member or admin for `it`.
    public var approverUserID: String?
    public var state: State
    /// The account that acted, and when and why.
    public var decidedBy: String?
    public var decidedAt: Date?
    public var comment: String?

    enum CodingKeys: String, CodingKey {
        case approver, approverUserID = "approver_user_id", state, decidedBy = "decided_by", decidedAt = "decided_at", comment
    }
}

/// A line of a request's history.
public struct AccessRequestEvent: Codable, Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var event: String
    public var detail: String
}

/// Access given: a role for a user, from a request, until an end or for good.
public struct AccessGrant: Codable, Sendable, Equatable {
    public var id: String
    public var requestID: String
    public var userID: String
    public var roleID: String
    public var grantedAt: Date
    public var expiresAt: Date?
    public var endedAt: Date?
    public var endReason: String?

    enum CodingKeys: String, CodingKey {
        case id, requestID = "request_id", userID = "user_id", roleID = "role_id", grantedAt = "granted_at", expiresAt = "expires_at"
        case endedAt = "ended_at", endReason = "end_reason"
    }
}

/// A request with everything decided about it: the answer of `POST /api/v1/access/requests`, then its life.
public struct AccessRequest: Codable, Sendable, Equatable {
    public var id: String
    /// The Wayfinder account that owns the request (the requester, or the integration that relayed it).
    public var ownerAccountID: String
    /// The directory user who asks.
    public var requesterUserID: String?
    public var text: String
    public var status: AccessRequestStatus
    public var entities: AccessEntities
    public var missing: [RequestSlot]
    public var unknown: [UnknownMention]
    public var decision: AccessDecision?
    public var reasons: [AccessReason]
    public var evidence: [Evidence]
    public var confidence: Double
    public var question: ClarifyingQuestion?
    public var injections: [InjectionNote]
    public var notes: [String]
    public var approvals: [ApprovalStep]
    public var grant: AccessGrant?
    public var history: [AccessRequestEvent]
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id = "request_id", ownerAccountID = "owner_account_id", requesterUserID = "requester", text, status, entities, missing, unknown
        case decision, reasons, evidence, confidence, question, injections, notes, approvals, grant, history
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    func appending(_ event: String, actor: String, detail: String, at: Date) -> AccessRequest {
        var copy = self
        copy.history.append(AccessRequestEvent(at: at, actor: actor, event: event, detail: detail))
        copy.updatedAt = at
        return copy
    }
}
