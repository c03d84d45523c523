import Domain

extension AccessRequestService {
    /// The audit entries of a new request: what was asked and read, what was decided, what was granted.
    func record(_ request: AccessRequest, caller: AccessCaller) async throws {
        var events = [AuditEvent(action: "request.submitted", actor: caller.label, subject: request.id, details: .object([
            "requester": request.requesterUserID.map(JSONValue.string) ?? .null,
            "text": .string(request.text),
            "entities": Self.entityDetails(request.entities),
            "confidence": .number(request.confidence),
            "injections": .array(request.injections.map { .string($0.kind) }),
        ])), decided(request)]
        if request.status == .granted {
            events.append(AuditEvent(action: "grant.created", actor: "auto-approval", subject: request.id, details: Self.grantDetails(request.grant)))
        }
        try await audit.append(contentsOf: events)
    }

    /// After an approval: the grant, or the checks that failed when they ran again.
    func recordOutcome(of request: AccessRequest, actor: String) async throws {
        switch request.status {
        case .granted:
            try await audit.append(AuditEvent(action: "grant.created", actor: actor, subject: request.id, details: Self.grantDetails(request.grant)))
        case .rejected, .denied:
            try await audit.append(decided(request))
        default:
            return
        }
    }

    private func decided(_ request: AccessRequest) -> AuditEvent {
        AuditEvent(action: "request.decided", actor: "system", subject: request.id, details: .object([
            "decision": request.decision.map { .string($0.rawValue) } ?? .null,
            "status": .string(request.status.rawValue),
            "reasons": .array(request.reasons.map { .string($0.code.rawValue) }),
            "approvers": .array(request.approvals.map { .string($0.approver.rawValue) }),
        ]))
    }

    static func entityDetails(_ entities: AccessEntities) -> JSONValue {
        .object([
            "user_id": entities.userID.map(JSONValue.string) ?? .null, "app_id": entities.appID.map(JSONValue.string) ?? .null,
            "role_id": entities.roleID.map(JSONValue.string) ?? .null, "duration": entities.duration.map { .string($0.description) } ?? .null,
        ])
    }

    static func grantDetails(_ grant: AccessGrant?) -> JSONValue {
        guard let grant else { return .null }
        return .object([
            "grant_id": .string(grant.id), "user_id": .string(grant.userID), "role_id": .string(grant.roleID),
            "granted_at": .string(Timestamps.format(grant.grantedAt)),
            "expires_at": grant.expiresAt.map { .string(Timestamps.format($0)) } ?? .null,
            "ended_at": grant.endedAt.map { .string(Timestamps.format($0)) } ?? .null,
            "end_reason": grant.endReason.map(JSONValue.string) ?? .null,
        ])
    }
}
