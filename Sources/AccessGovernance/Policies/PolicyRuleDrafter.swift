import Foundation

/// Drafts a structured rule from a policy's prose, for an admin to review before saving: each part of
/// the draft says which words it came from. It only proposes; a person decides what is enforced.
public struct PolicyRuleDrafter: Sendable {
    let snapshot: DirectorySnapshot

    public init(snapshot: DirectorySnapshot) {
        self.snapshot = snapshot
    }

    public struct Draft: Sendable {
        public var rule: PolicyRule?
        public var explanation: [String]
    }

    public func draft(from text: String) -> Draft {
        let lower = text.lowercased()
        var explanation: [String] = []
        var rule = PolicyRule(effect: .deny)
        var conditions = AllowConditions()

        let sensitivities = DirectoryRole.Sensitivity.allCases.filter { lower.contains("\($0.rawValue) sensitivity") || lower.contains("\($0.rawValue)-sensitivity") }
        if !sensitivities.isEmpty {
            rule.sensitivity = sensitivities
            explanation.append("targets roles of \(sensitivities.map(\.rawValue).joined(separator: ", ")) sensitivity")
        }
        let key = NameKey.of(text)
        let roles = snapshot.document.roles.filter { NameKey.of($0.name).count > 3 && key.contains(NameKey.of($0.name)) }.map(\.roleID)
        if !roles.isEmpty {
            rule.roles = roles
            explanation.append("targets the roles it names: \(roles.joined(separator: ", "))")
        }
        if let days = Self.number(before: ["days", "day"], in: lower) {
            conditions.durationDaysAtMost = days
            explanation.append("limits grants to \(days) days")
        }
        if lower.contains("never permanent") || lower.contains("not permanent") || lower.contains("time-bound") || lower.contains("time bound") {
            conditions.permanent = false
            explanation.append("refuses standing access")
        }
        let excluded = DirectoryUser.EmploymentType.allCases.filter { lower.contains($0.rawValue) && $0 != .employee }
        if !excluded.isEmpty {
            conditions.userEmploymentTypeNotIn = excluded
            explanation.append("excludes \(excluded.map { $0.rawValue + "s" }.joined(separator: " and "))")
        }
        let departments = Set(snapshot.document.users.map(\.department)).filter { !$0.isEmpty && text.contains($0) && $0 != "IT" }.sorted()
        if !departments.isEmpty && (lower.contains("department") || lower.contains("limited to") || lower.contains("only")) {
            conditions.userDepartmentIn = departments
            explanation.append("limits to the \(departments.joined(separator: ", ")) department")
        }
        if lower.contains("people manager") || lower.contains("managers approve") || lower.contains("only managers") {
            conditions.userIsPeopleManager = true
            explanation.append("only people managers")
        }
        if lower.contains("inactive") || lower.contains("suspended") {
            conditions.requesterIsActive = true
            explanation.append("requesters must be active")
        }
        if lower.contains("behalf") || lower.contains("direct manager") {
            var any: [RequesterCondition] = [.requesterIsUser, .requesterIsDirectManager]
            if text.contains("IT") { any.append(.requesterDepartmentIn(["IT"])) }
            conditions.any = any
            explanation.append("only the user, their manager\(text.contains("IT") ? " or IT" : "") may ask")
        }
        var approvers: [Approver] = []
        if lower.contains("manager approves") || lower.contains("manager approve") || lower.contains("manager and") { approvers.append(.manager) }
        if lower.contains("owner") { approvers.append(.appOwner) }
        if text.contains("IT reviews") || text.contains("IT approves") { approvers.append(.it) }
        rule.approval = approvers
        if !approvers.isEmpty { explanation.append("routes to \(approvers.map(\.rawValue).joined(separator: ", "))") }

        let hasConditions = conditions != AllowConditions()
        if !hasConditions && !approvers.isEmpty { rule.effect = .route }
        if hasConditions { rule.allowIf = conditions }
        if rule.roles.isEmpty && rule.sensitivity.isEmpty { rule.allRoles = true }
        guard hasConditions || !approvers.isEmpty else {
            return Draft(rule: nil, explanation: ["no enforceable condition found: the policy stays knowledge only"])
        }
        return Draft(rule: rule, explanation: explanation)
    }

    private static func number(before units: [String], in text: String) -> Int? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        for (index, word) in words.enumerated() where index > 0 && units.contains(String(word)) {
            if let value = Int(words[index - 1]) { return value }
        }
        return nil
    }
}
