/// The directory and policy checks, always run, in a fixed order; every failing check is reported.
/// Unknown or missing entities stop the evaluation: nothing can be checked about who or what is not known.
public struct AccessChecks: Sendable {
    let snapshot: DirectorySnapshot

    public init(snapshot: DirectorySnapshot) {
        self.snapshot = snapshot
    }

    public struct Outcome: Sendable, Equatable {
        /// `nil` while a clarifying question is open.
        public var decision: AccessDecision?
        public var reasons: [AccessReason]
        public var approvers: Set<Approver>
        /// Policies whose rules spoke about the request.
        public var appliedPolicies: [String]
    }

    public func evaluate(_ reading: RequestReading, requester: DirectoryUser?) -> Outcome {
        var reasons: [AccessReason] = []
        if !reading.unknown.isEmpty {
            let described = reading.unknown.map { unknown in
                "\(unknown.slot.rawValue) \"\(unknown.text)\" is not in the directory" + (unknown.suggestion.map { " (did you mean \($0)?)" } ?? "")
            }
            reasons.append(AccessReason(code: .unknownEntity, detail: described.joined(separator: "; ")))
        }
        if reasons.isEmpty, reading.question?.isAmbiguity == true {
            return Outcome(decision: nil, reasons: [], approvers: [], appliedPolicies: [])
        }
        if !reading.missing.isEmpty {
            reasons.append(AccessReason(code: .missingSlot, detail: "the request does not say which " + reading.missing.map(\.rawValue).joined(separator: ", ")))
        }
        if !reasons.isEmpty { return Outcome(decision: .invalid, reasons: reasons, approvers: [], appliedPolicies: []) }
        guard let userID = reading.entities.userID, let user = snapshot.user(userID),
              let roleID = reading.entities.roleID, let role = snapshot.role(roleID),
              let appID = reading.entities.appID else {
            return Outcome(decision: .invalid, reasons: [AccessReason(code: .missingSlot, detail: "the request does not name a known user, application and role")],
                           approvers: [], appliedPolicies: [])
        }

        if user.status != .active {
            reasons.append(AccessReason(code: .userInactive, detail: "\(user.name) is \(user.status.rawValue) in the directory"))
        }
        if role.appID != appID || reading.roleOutsideApplication {
            let named = snapshot.application(appID)?.name ?? appID
            let actual = snapshot.application(role.appID)?.name ?? role.appID
            reasons.append(AccessReason(code: .roleNotInApp, detail: "\(role.name) is a role of \(actual), not of \(named)"))
        }
        let held = snapshot.roles(heldBy: user.userID)
        if held.contains(role.roleID) {
            reasons.append(AccessReason(code: .alreadyAssigned, detail: "\(user.name) already holds \(role.name)"))
        }
        let missing = role.prerequisites.filter { !held.contains($0) }
        if !missing.isEmpty {
            let names = missing.map { snapshot.role($0)?.name ?? $0 }
            reasons.append(AccessReason(code: .missingPrerequisite, detail: "\(role.name) requires \(names.joined(separator: ", ")) first",
                                        missingPrerequisites: missing))
        }
        let conflicts = held.filter { heldID in
            role.sodConflicts.contains(heldID) || (snapshot.role(heldID)?.sodConflicts.contains(role.roleID) ?? false)
        }.sorted()
        if !conflicts.isEmpty {
            let names = conflicts.map { id in snapshot.role(id).map { "\($0.name) (\(snapshot.application($0.appID)?.name ?? $0.appID))" } ?? id }
            reasons.append(AccessReason(code: .sodConflict, detail: "\(role.name) may not be held with \(names.joined(separator: ", "))",
                                        conflictingRoles: conflicts))
        }
        let policies = PolicyEvaluator(snapshot: snapshot).evaluate(role: role, user: user, requester: requester, duration: reading.entities.duration)
        if !policies.violations.isEmpty {
            let detail = policies.violations.map { "\($0.policy.policyID) (\($0.policy.title)): \($0.failures.joined(separator: "; "))" }
            reasons.append(AccessReason(code: .policyViolation, detail: detail.joined(separator: " | "),
                                        policyIDs: policies.violations.map(\.policy.policyID)))
        }
        return Outcome(decision: reasons.isEmpty ? .valid : .invalid, reasons: reasons, approvers: policies.approvers,
                       appliedPolicies: policies.applied)
    }
}
