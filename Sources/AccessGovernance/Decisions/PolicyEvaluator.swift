/// Applies the policies' rules to one request: which deny rules it breaks (and on which condition),
/// and who must approve it.
struct PolicyEvaluator {
    let snapshot: DirectorySnapshot

    struct Violation: Equatable {
        let policy: AccessPolicy
        let failures: [String]
    }

    struct Outcome: Equatable {
        var violations: [Violation] = []
        var approvers: Set<Approver> = []
        /// Policies whose rule spoke about the request, broken or not.
        var applied: [String] = []
    }

    func evaluate(role: DirectoryRole, user: DirectoryUser, requester: DirectoryUser?, duration: AccessDuration?) -> Outcome {
        var outcome = Outcome()
        for policy in snapshot.document.policies {
            guard let rule = policy.rule, rule.targets(role) else { continue }
            outcome.applied.append(policy.policyID)
            switch rule.effect {
            case .route:
                outcome.approvers.formUnion(rule.approval)
            case .deny:
                let failures = rule.allowIf.map { failedConditions($0, user: user, requester: requester, duration: duration) }
                    ?? ["\(role.name) is not granted under this policy"]
                if failures.isEmpty {
                    outcome.approvers.formUnion(rule.approval)
                } else {
                    outcome.violations.append(Violation(policy: policy, failures: failures))
                }
            }
        }
        return outcome
    }

    /// The conditions of `allow_if` that do not hold, each said in words.
    func failedConditions(_ conditions: AllowConditions, user: DirectoryUser, requester: DirectoryUser?,
                          duration: AccessDuration?) -> [String] {
        var failures: [String] = []
        if let departments = conditions.userDepartmentIn,
           !departments.contains(where: { NameKey.of($0) == NameKey.of(user.department) }) {
            failures.append("\(user.name) is in \(user.department.isEmpty ? "no department" : user.department), not \(departments.joined(separator: " or "))")
        }
        if let excluded = conditions.userEmploymentTypeNotIn, excluded.contains(user.employmentType) {
            failures.append("\(user.name) is a\(user.employmentType == .employee ? "n" : "") \(user.employmentType.rawValue)")
        }
        if conditions.userIsPeopleManager == true, !snapshot.isPeopleManager(user) {
            failures.append("\(user.name) manages no one")
        }
        if conditions.requesterIsActive == true, requester?.status != .active {
            failures.append(requester.map { "the requester \($0.name) is \($0.status.rawValue)" } ?? "the requester is not in the directory")
        }
        if conditions.permanent == false, duration?.days == nil {
            failures.append(duration == nil ? "no end date is given, and standing access is not allowed" : "permanent access is not allowed")
        }
        if let limit = conditions.durationDaysAtMost, let days = duration?.days, days > limit {
            failures.append("\(duration!) is \(days) days, more than \(limit)")
        } else if let limit = conditions.durationDaysAtMost, conditions.permanent != false, duration?.days == nil {
            failures.append("access must end within \(limit) days")
        }
        if let alternatives = conditions.any, !alternatives.isEmpty,
           !alternatives.contains(where: { holds($0, user: user, requester: requester) }) {
            failures.append("none of: " + alternatives.map(describe).joined(separator: ", "))
        }
        return failures
    }

    private func holds(_ condition: RequesterCondition, user: DirectoryUser, requester: DirectoryUser?) -> Bool {
        guard let requester else { return false }
        switch condition {
        case .requesterIsUser: return requester.userID == user.userID
        case .requesterIsDirectManager: return snapshot.manager(of: user)?.userID == requester.userID
        case .requesterDepartmentIn(let departments): return departments.contains { NameKey.of($0) == NameKey.of(requester.department) }
        }
    }

    private func describe(_ condition: RequesterCondition) -> String {
        switch condition {
        case .requesterIsUser: "the requester is the user"
        case .requesterIsDirectManager: "the requester is the user's direct manager"
        case .requesterDepartmentIn(let departments): "the requester is in \(departments.joined(separator: " or "))"
        }
    }
}
