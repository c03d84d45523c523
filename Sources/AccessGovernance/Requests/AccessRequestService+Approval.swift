import Domain
import Foundation

extension AccessRequestService {
    /// An approver's answer on a pending request. The last approval grants the access, after the checks
    /// run again on the directory as it is now; a denial ends the request.
    public func decide(id: String, approve: Bool, comment: String?, caller: AccessCaller) async throws -> AccessRequest {
        for _ in 0..<3 {
            guard let stored = try await repository.request(id: id) else { throw Self.notFound(id) }
            let snapshot = try await directory.snapshot()
            guard try canView(stored, caller: caller, snapshot: snapshot) else { throw Self.notFound(id) }
            guard stored.status == .pendingApproval else {
                throw DomainError.conflict("The request is \(stored.status.rawValue); only pending requests are approved or denied.")
            }
            let eligible = stored.approvals.indices.filter {
                stored.approvals[$0].state == .pending && ApprovalRouting.may(caller, act: stored.approvals[$0], on: stored, snapshot: snapshot)
            }
            guard !eligible.isEmpty else {
                throw DomainError.forbidden("You are not an approver of this request, or it is your own access.")
            }
            // One person may hold several approvals (a manager who also owns the application): one answer gives them all.
            let now = clock.now()
            var request = stored
            for index in eligible {
                request.approvals[index].state = approve ? .approved : .denied
                request.approvals[index].decidedBy = caller.label
                request.approvals[index].decidedAt = now
                request.approvals[index].comment = comment
            }
            let step = eligible.map { request.approvals[$0].approver.rawValue }.joined(separator: ", ")
            request = request.appending(approve ? "approved" : "denied", actor: caller.label, detail: "as \(step)" + (comment.map { ": \($0)" } ?? ""), at: now)
            if !approve {
                request.status = .denied
            } else if request.approvals.allSatisfy({ $0.state == .approved }) {
                request = regrant(request, snapshot: snapshot, caller: caller, at: now)
            }
            if try await repository.update(request, expecting: .pendingApproval) {
                try await audit.append(AuditEvent(action: approve ? "approval.approved" : "approval.denied", actor: caller.label, subject: id,
                                                  details: .object(["step": .string(step), "comment": comment.map(JSONValue.string) ?? .null])))
                try await recordOutcome(of: request, actor: caller.label)
                return request
            }
        }
        throw DomainError.conflict("The request changed while it was being decided; try again.")
    }

    /// Checks the request again before granting: the directory may have changed since it was read.
    private func regrant(_ request: AccessRequest, snapshot: DirectorySnapshot, caller: AccessCaller, at now: Date) -> AccessRequest {
        let requester = request.requesterUserID.flatMap { snapshot.user($0) }
        var reading = RequestReading()
        reading.entities = request.entities
        let checks = AccessChecks(snapshot: snapshot).evaluate(reading, requester: requester)
        guard checks.decision == .valid else {
            var rejected = request
            rejected.status = .rejected
            rejected.decision = checks.decision
            rejected.reasons = checks.reasons
            return rejected.appending("rejected", actor: "system", detail: "the checks failed when the last approval came: "
                                      + checks.reasons.map(\.code.rawValue).joined(separator: ", "), at: now)
        }
        return grant(request, snapshot: snapshot, by: caller.label, at: now)
    }

    /// Takes a granted access back before its end (admins and IT).
    public func revoke(id: String, reason: String?, caller: AccessCaller) async throws -> AccessRequest {
        guard let stored = try await repository.request(id: id) else { throw Self.notFound(id) }
        let snapshot = try await directory.snapshot()
        guard try canView(stored, caller: caller, snapshot: snapshot) else { throw Self.notFound(id) }
        let me = caller.email.flatMap { snapshot.user(email: $0) }
        guard caller.isAdmin || me.map(snapshot.isInIT) == true else {
            throw DomainError.forbidden("Only IT and admins revoke access.")
        }
        guard stored.status == .granted else { throw DomainError.conflict("Only granted access can be revoked; the request is \(stored.status.rawValue).") }
        let request = end(stored, status: .revoked, reason: reason ?? "revoked", actor: caller.label, at: clock.now())
        guard try await repository.update(request, expecting: .granted) else {
            throw DomainError.conflict("The request changed while it was being revoked; try again.")
        }
        try await audit.append(AuditEvent(action: "grant.revoked", actor: caller.label, subject: id, details: Self.grantDetails(request.grant)))
        return request
    }

    /// Revokes every grant whose time is up; the scheduler runs it. Returns how many ended.
    @discardableResult
    public func expireGrants() async throws -> Int {
        let now = clock.now()
        var ended = 0
        for id in try await repository.requestsWithGrantsEnding(atOrBefore: now) {
            guard let stored = try await repository.request(id: id), stored.status == .granted else { continue }
            let request = end(stored, status: .expired, reason: "expired", actor: "scheduler", at: now)
            if try await repository.update(request, expecting: .granted) {
                try await audit.append(AuditEvent(action: "grant.expired", actor: "scheduler", subject: id, details: Self.grantDetails(request.grant)))
                ended += 1
            }
        }
        return ended
    }

    func grant(_ request: AccessRequest, snapshot: DirectorySnapshot, by actor: String, at now: Date) -> AccessRequest {
        guard let userID = request.entities.userID, let roleID = request.entities.roleID else { return request }
        var granted = request
        granted.status = .granted
        if actor == "auto-approval" {
            for index in granted.approvals.indices { granted.approvals[index].state = .approved; granted.approvals[index].decidedBy = actor; granted.approvals[index].decidedAt = now }
        }
        granted.grant = AccessGrant(id: newID(), requestID: request.id, userID: userID, roleID: roleID, grantedAt: now,
                                    expiresAt: request.entities.duration?.end(from: now), endedAt: nil, endReason: nil)
        let until = granted.grant?.expiresAt.map { " until \(Timestamps.format($0))" } ?? " with no end"
        return granted.appending("granted", actor: actor, detail: "\(snapshot.role(roleID)?.name ?? roleID) to \(userID)\(until)", at: now)
    }

    private func end(_ request: AccessRequest, status: AccessRequestStatus, reason: String, actor: String, at now: Date) -> AccessRequest {
        var ended = request
        ended.status = status
        ended.grant?.endedAt = now
        ended.grant?.endReason = reason
        return ended.appending(status.rawValue, actor: actor, detail: reason, at: now)
    }
}
