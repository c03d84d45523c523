/// Who approves a VALID request: the approvers its policies ask for, or the user's manager by default
/// (IT when the user has none); and who may act for each approval.
enum ApprovalRouting {
    static func steps(for approvers: Set<Approver>, entities: AccessEntities, snapshot: DirectorySnapshot) -> [ApprovalStep] {
        let user = entities.userID.flatMap { snapshot.user($0) }
        let manager = user.flatMap(snapshot.manager(of:))
        let owner = entities.appID.flatMap(snapshot.application)?.owner
        var wanted = approvers.isEmpty ? [.manager] : approvers
        // An approval nobody can give goes to IT instead of waiting for ever.
        if wanted.contains(.manager) && manager == nil { wanted.remove(.manager); wanted.insert(.it) }
        if wanted.contains(.appOwner) && owner == nil { wanted.remove(.appOwner); wanted.insert(.it) }
        return wanted.sorted().map { approver in
            let expected: String? = switch approver {
            case .manager: manager?.userID
            case .appOwner: owner
            case .it: nil
            }
            return ApprovalStep(approver: approver, approverUserID: expected, state: .pending)
        }
    }

    /// Whether `caller` may decide `step`: the expected person, an IT member for IT, or an admin.
    /// Nobody approves access for themselves.
    static func may(_ caller: AccessCaller, act step: ApprovalStep, on request: AccessRequest, snapshot: DirectorySnapshot) -> Bool {
        let me = caller.email.flatMap { snapshot.user(email: $0) }
        if let me, me.userID == request.entities.userID { return false }
        if caller.isAdmin && caller.integration == nil { return true }
        guard let me, me.status == .active else { return false }
        switch step.approver {
        case .manager, .appOwner: return step.approverUserID == me.userID
        case .it: return snapshot.isInIT(me)
        }
    }
}
