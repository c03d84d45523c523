import Foundation
import Platform

/// Asks an optional language model to propose a policy's rule from its text, beside the drafter's own
/// reading. The proposal is only shown: it must decode as a rule and name only roles and applications
/// of the directory, and a person still reviews and saves it. Without a model, or when it fails or
/// answers out of shape, there is no proposal.
public struct PolicyRuleProposal: Sendable {
    private let model: (any LanguageModel)?

    public init(model: (any LanguageModel)?) {
        self.model = model
    }

    static let instructions = """
    You turn an access policy written in English into one JSON rule, and answer with the JSON only. Shape: \
    {"effect": "deny" or "route", one target: "roles": [role ids] or "sensitivity": ["low"|"medium"|"high"] or "apps": [app ids] \
    or "all_roles": true, "allow_if": {any of "user_department_in": [..], "user_employment_type_not_in": ["employee"|"contractor"|"intern"], \
    "user_is_people_manager": true, "requester_is_active": true, "duration_days_at_most": N, "permanent": false, \
    "any": ["requester_is_user", "requester_is_direct_manager", "requester_department_in:DEPT"]}, \
    "approval": ["manager"|"app_owner"|"it"]}. A deny rule refuses what it targets unless every allow_if condition holds; \
    a route rule only adds approvers. Use only the ids listed. If the policy states nothing enforceable, answer {}.
    """

    /// The model's rule for `policy`, checked against `snapshot`, or nil.
    public func propose(for policy: AccessPolicy, snapshot: DirectorySnapshot) async -> PolicyRule? {
        guard let model else { return nil }
        let departments = Set(snapshot.document.users.map(\.department)).filter { !$0.isEmpty }.sorted()
        let prompt = """
        Policy "\(policy.title)": \(policy.text)
        Roles (id: name, sensitivity): \(snapshot.document.roles.map { "\($0.roleID): \($0.name), \($0.sensitivity.rawValue)" }.joined(separator: "; "))
        Applications: \(snapshot.document.applications.map(\.appID).joined(separator: ", "))
        Departments: \(departments.joined(separator: ", "))
        """
        guard let answer = try? await model.complete(system: Self.instructions, prompt: prompt, maxTokens: 400) else { return nil }
        return Self.rule(from: answer, snapshot: snapshot)
    }

    /// The first JSON object of `answer` as a rule that names only what the directory holds.
    static func rule(from answer: String, snapshot: DirectorySnapshot) -> PolicyRule? {
        guard let start = answer.firstIndex(of: "{"), let end = answer.lastIndex(of: "}"), start < end,
              let rule = try? JSONDecoder().decode(PolicyRule.self, from: Data(answer[start...end].utf8)) else { return nil }
        guard rule.roles.allSatisfy({ snapshot.role($0) != nil }), rule.applications.allSatisfy({ snapshot.application($0) != nil }) else {
            return nil
        }
        return rule
    }
}
