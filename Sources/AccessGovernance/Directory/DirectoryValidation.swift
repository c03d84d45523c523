import Domain
import Foundation

/// Checks a directory document before it replaces the stored one. Errors (ids missing or repeated, an
/// email shared by two people, a role of no application) refuse the document; references to what is not
/// there (a manager, a prerequisite, a policy's role) are warnings: the document is kept, the checks then
/// see what is missing. Each names its field ("roles[3].app_id").
enum DirectoryValidation {
    static func problems(in document: DirectoryDocument) -> (errors: [FieldError], warnings: [FieldError]) {
        var problems: [FieldError] = []
        var warnings: [FieldError] = []
        func unique<T>(_ items: [T], _ kind: String, _ field: String, _ id: (T) -> String) -> Set<String> {
            var seen = Set<String>()
            for (index, item) in items.enumerated() {
                let value = id(item)
                if value.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(FieldError(field: "\(kind)[\(index)].\(field)", message: "must not be empty"))
                } else if !seen.insert(value).inserted {
                    problems.append(FieldError(field: "\(kind)[\(index)].\(field)", message: "\"\(value)\" appears twice"))
                }
            }
            return seen
        }
        let users = unique(document.users, "users", "user_id", \.userID)
        let applications = unique(document.applications, "applications", "app_id", \.appID)
        let roles = unique(document.roles, "roles", "role_id", \.roleID)
        _ = unique(document.policies, "policies", "policy_id", \.policyID)
        var emails = Set<String>()
        for (index, user) in document.users.enumerated() {
            if user.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(FieldError(field: "users[\(index)].name", message: "must not be empty"))
            }
            if !user.email.isEmpty, !emails.insert(user.email.lowercased()).inserted {
                problems.append(FieldError(field: "users[\(index)].email", message: "\"\(user.email)\" belongs to another user too"))
            }
            if let manager = user.manager, !users.contains(manager), !document.users.contains(where: { $0.email.lowercased() == manager.lowercased() }) {
                warnings.append(FieldError(field: "users[\(index)].manager", message: "no user \"\(manager)\""))
            }
        }
        for (index, application) in document.applications.enumerated() {
            if let owner = application.owner, !users.contains(owner) {
                warnings.append(FieldError(field: "applications[\(index)].owner", message: "no user \"\(owner)\""))
            }
        }
        for (index, role) in document.roles.enumerated() {
            if !applications.contains(role.appID) {
                problems.append(FieldError(field: "roles[\(index)].app_id", message: "no application \"\(role.appID)\""))
            }
            for missing in role.prerequisites where !roles.contains(missing) {
                warnings.append(FieldError(field: "roles[\(index)].prerequisites", message: "no role \"\(missing)\""))
            }
            for missing in role.sodConflicts where !roles.contains(missing) {
                warnings.append(FieldError(field: "roles[\(index)].sod_conflicts", message: "no role \"\(missing)\""))
            }
        }
        for (index, assignment) in document.userRoles.enumerated() {
            if !users.contains(assignment.userID) {
                warnings.append(FieldError(field: "user_roles[\(index)].user_id", message: "no user \"\(assignment.userID)\""))
            }
            if !roles.contains(assignment.roleID) {
                warnings.append(FieldError(field: "user_roles[\(index)].role_id", message: "no role \"\(assignment.roleID)\""))
            }
        }
        for (index, policy) in document.policies.enumerated() {
            for missing in policy.rule?.roles ?? [] where !roles.contains(missing) {
                warnings.append(FieldError(field: "policies[\(index)].rule.roles", message: "no role \"\(missing)\""))
            }
            for missing in policy.rule?.applications ?? [] where !applications.contains(missing) {
                warnings.append(FieldError(field: "policies[\(index)].rule.apps", message: "no application \"\(missing)\""))
            }
        }
        return (problems, warnings)
    }
}
