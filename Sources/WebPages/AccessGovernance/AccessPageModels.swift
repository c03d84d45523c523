import AccessGovernance
import Domain
import Foundation

/// How requests read on the pages: names instead of ids, statuses and reasons in words.
enum AccessPageModels {
    static func summary(_ request: AccessRequest, snapshot: DirectorySnapshot) -> [String: Any] {
        let role = request.entities.roleID.flatMap { snapshot.role($0) }
        let app = request.entities.appID.flatMap { snapshot.application($0) }
        let user = request.entities.userID.flatMap { snapshot.user($0) }
        return [
            "url": "/access/requests/\(request.id)", "id": request.id, "text": request.text,
            "role": role?.name ?? request.entities.roleID ?? "—", "app": app?.name ?? request.entities.appID ?? "—",
            "user": user?.name ?? request.entities.userID ?? "—", "duration": request.entities.duration?.description ?? "no end",
            "status": request.status.rawValue, "statusText": statusText(request.status),
            "decision": request.decision?.rawValue ?? "—", "valid": request.decision == .valid,
            "created": Timestamps.format(request.createdAt),
        ]
    }

    static func detail(_ request: AccessRequest, snapshot: DirectorySnapshot, canDecide: Bool, csrf: String) -> [String: Any] {
        var model = summary(request, snapshot: snapshot)
        model["confidence"] = String(format: "%.0f%%", request.confidence * 100)
        model["reasons"] = request.reasons.map { reason -> [String: Any] in
            ["code": reason.code.rawValue, "detail": reason.detail, "policies": (reason.policyIDs ?? []).joined(separator: ", ")]
        }
        model["hasReasons"] = !request.reasons.isEmpty
        model["missing"] = request.missing.map(\.rawValue).joined(separator: ", ")
        model["hasMissing"] = !request.missing.isEmpty
        model["unknown"] = request.unknown.map { ["slot": $0.slot.rawValue, "text": $0.text, "suggestion": $0.suggestion ?? ""] as [String: Any] }
        model["hasUnknown"] = !request.unknown.isEmpty
        model["question"] = request.question?.text ?? ""
        model["evidence"] = request.evidence.map { ["kind": $0.kind.rawValue, "id": $0.id, "title": $0.title, "quote": $0.quote,
                                                    "relevance": $0.relevance.rawValue] as [String: Any] }
        model["hasEvidence"] = !request.evidence.isEmpty
        model["injections"] = request.injections.map { ["kind": $0.kind, "text": $0.text] as [String: Any] }
        model["hasInjections"] = !request.injections.isEmpty
        model["notes"] = request.notes
        model["approvals"] = request.approvals.map { step -> [String: Any] in
            ["approver": step.approver.rawValue, "who": step.approverUserID.flatMap { snapshot.user($0)?.name } ?? (step.approver == .it ? "IT" : "—"),
             "state": step.state.rawValue, "comment": step.comment ?? "", "by": step.decidedBy ?? ""]
        }
        model["hasApprovals"] = !request.approvals.isEmpty
        model["grant"] = request.grant.map { grant -> [String: Any] in
            ["from": Timestamps.format(grant.grantedAt), "until": grant.expiresAt.map(Timestamps.format) ?? "no end",
             "ended": grant.endedAt.map(Timestamps.format) ?? "", "reason": grant.endReason ?? ""]
        } as Any
        model["history"] = request.history.map { ["at": Timestamps.format($0.at), "actor": $0.actor, "event": $0.event, "detail": $0.detail] as [String: Any] }
        model["canDecide"] = canDecide
        model["csrf"] = csrf
        return model
    }

    static func statusText(_ status: AccessRequestStatus) -> String {
        switch status {
        case .needsClarification: "needs more detail"
        case .rejected: "refused by the checks"
        case .pendingApproval: "waiting for approval"
        case .granted: "granted"
        case .denied: "denied by an approver"
        case .revoked: "revoked"
        case .expired: "ended at its time"
        }
    }
}
