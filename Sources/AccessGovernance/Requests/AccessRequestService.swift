import Domain
import Foundation
import Synchronization

/// Access requests from text to grant: read, checked, routed for approval (or approved by the
/// threshold), granted for a time, revoked at its end; every step written to the audit log.
public final class AccessRequestService: Sendable {
    let directory: DirectoryService
    let repository: any AccessRequestRepository
    let audit: any AuditLog
    let knowledge: (any AccessKnowledge)?
    let autoApproval: AutoApproval
    let clock: any WallClock
    let newID: @Sendable () -> String
    public static let maximumTextLength = 4_000
    /// When the knowledge last read the decisions of every process (see `refreshPrecedents`).
    let precedentsReadAt = Mutex<Date?>(nil)
    static let precedentRefresh: TimeInterval = 30

    public init(directory: DirectoryService, repository: any AccessRequestRepository, audit: any AuditLog, knowledge: (any AccessKnowledge)?,
                autoApproval: AutoApproval, clock: any WallClock, newID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }) {
        self.directory = directory
        self.repository = repository
        self.audit = audit
        self.knowledge = knowledge
        self.autoApproval = autoApproval
        self.clock = clock
        self.newID = newID
    }

    /// Reads and decides `text`. `requester` (a directory user id) is for integrations and admins
    /// relaying someone else's message; everyone else asks as the directory user of their email.
    /// `prior` carries slots from earlier chat turns; `recordedText` is what the request keeps (the whole chat).
    public func submit(text: String, caller: AccessCaller, requester requesterID: String? = nil, prior: AccessEntities = AccessEntities(),
                       recordedText: String? = nil) async throws -> AccessRequest {
        try Self.validate(text: text)
        let snapshot = try await directory.snapshot()
        let requester = try Self.requester(requesterID, caller: caller, in: snapshot)
        let assessment = AccessAssessment(text: text, requester: requester, snapshot: snapshot, prior: prior)
        let now = clock.now()
        var request = AccessRequest(
            id: newID(), ownerAccountID: caller.accountID, requesterUserID: requester?.userID, text: recordedText ?? text,
            status: .rejected, entities: assessment.reading.entities, missing: assessment.reading.missing, unknown: assessment.reading.unknown,
            decision: assessment.checks.decision, reasons: assessment.checks.reasons,
            evidence: await evidence(for: assessment, snapshot: snapshot), confidence: assessment.reading.confidence,
            question: assessment.reading.question, injections: assessment.reading.injections, notes: assessment.reading.notes,
            approvals: [], grant: nil, history: [], createdAt: now, updatedAt: now)
        request.history.append(AccessRequestEvent(at: now, actor: caller.label, event: "submitted", detail: "as \(requester?.userID ?? "an unknown requester")"))
        request.status = Self.status(after: assessment)
        if request.status == .pendingApproval {
            request.approvals = ApprovalRouting.steps(for: assessment.checks.approvers, entities: request.entities, snapshot: snapshot)
            if shouldApproveAutomatically(assessment, snapshot: snapshot) {
                request = grant(request, snapshot: snapshot, by: "auto-approval", at: now)
            }
        }
        request.history.append(AccessRequestEvent(at: now, actor: "system", event: request.status.rawValue,
                                                  detail: request.reasons.map(\.code.rawValue).joined(separator: ", ")))
        try await repository.insert(request)
        try await record(request, caller: caller)
        await knowledge?.addPrecedents(Precedent.of([request], snapshot: snapshot))
        return request
    }

    /// A request its owner, its requester, one of its approvers or an admin may see; 404 for anyone else.
    public func request(id: String, caller: AccessCaller) async throws -> AccessRequest {
        guard let request = try await repository.request(id: id) else { throw Self.notFound(id) }
        let snapshot = try await directory.snapshot()
        guard try canView(request, caller: caller, snapshot: snapshot) else { throw Self.notFound(id) }
        return request
    }

    /// The caller's own requests (those they sent and those sent for them), newest first.
    public func requests(caller: AccessCaller, status: AccessRequestStatus? = nil, limit: Int = 100) async throws -> [AccessRequest] {
        let snapshot = try await directory.snapshot()
        let me = caller.email.flatMap { snapshot.user(email: $0) }?.userID
        return try await repository.requests(owner: caller.accountID, requester: me, status: status, limit: limit)
    }

    /// Requests waiting for an approval the caller may give.
    public func approvals(caller: AccessCaller) async throws -> [AccessRequest] {
        let snapshot = try await directory.snapshot()
        return try await repository.requests(owner: nil, requester: nil, status: .pendingApproval, limit: 500)
            .filter { request in request.approvals.contains { $0.state == .pending && ApprovalRouting.may(caller, act: $0, on: request, snapshot: snapshot) } }
    }

    /// Whether `caller` may approve or deny `request` now.
    public func mayDecide(_ request: AccessRequest, caller: AccessCaller) async throws -> Bool {
        guard request.status == .pendingApproval else { return false }
        let snapshot = try await directory.snapshot()
        return request.approvals.contains { $0.state == .pending && ApprovalRouting.may(caller, act: $0, on: request, snapshot: snapshot) }
    }

    func canView(_ request: AccessRequest, caller: AccessCaller, snapshot: DirectorySnapshot) throws -> Bool {
        if caller.isAdmin || request.ownerAccountID == caller.accountID { return true }
        let me = caller.email.flatMap { snapshot.user(email: $0) }?.userID
        if let me, me == request.requesterUserID || me == request.entities.userID { return true }
        return request.approvals.contains { ApprovalRouting.may(caller, act: $0, on: request, snapshot: snapshot) }
    }

    static func validate(text: String) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DomainError.invalid("The request is empty.", fieldErrors: [FieldError(field: "text", message: "must not be empty")])
        }
        if text.count > maximumTextLength {
            throw DomainError.invalid("The request is too long.", fieldErrors: [FieldError(field: "text", message: "must be at most \(maximumTextLength) characters")])
        }
    }

    static func requester(_ id: String?, caller: AccessCaller, in snapshot: DirectorySnapshot) throws -> DirectoryUser? {
        guard let id else { return caller.email.flatMap { snapshot.user(email: $0) } }
        guard caller.mayRelay else {
            throw DomainError.invalid("Only integrations and admins name the requester.",
                                      fieldErrors: [FieldError(field: "requester", message: "is set from your sign-in; only API keys and admins may set it")])
        }
        guard let user = snapshot.user(id) ?? snapshot.user(email: id) else {
            throw DomainError.invalid("No such directory user.", fieldErrors: [FieldError(field: "requester", message: "no directory user \"\(id)\"")])
        }
        return user
    }

    static func status(after assessment: AccessAssessment) -> AccessRequestStatus {
        switch assessment.checks.decision {
        case nil: return .needsClarification
        case .valid?: return .pendingApproval
        case .invalid?:
            let slotsOnly = assessment.checks.reasons.allSatisfy { $0.code == .missingSlot || $0.code == .unknownEntity }
            return slotsOnly ? .needsClarification : .rejected
        }
    }

    private func shouldApproveAutomatically(_ assessment: AccessAssessment, snapshot: DirectorySnapshot) -> Bool {
        guard case .atLeast(let threshold) = autoApproval, assessment.checks.decision == .valid,
              assessment.reading.injections.isEmpty, assessment.checks.approvers.isEmpty,
              let roleID = assessment.reading.entities.roleID, snapshot.role(roleID)?.sensitivity == .low else { return false }
        return assessment.reading.confidence >= threshold
    }

    static func notFound(_ id: String) -> DomainError {
        .notFound("No access request \(id). It may belong to another account.")
    }
}
