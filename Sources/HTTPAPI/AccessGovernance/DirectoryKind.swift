import AccessGovernance
import Domain

/// The directory's entity kinds as the routes name them.
enum DirectoryKind: String, CaseIterable {
    case users, applications, roles, policies

    var idField: String {
        switch self {
        case .users: "user_id"
        case .applications: "app_id"
        case .roles: "role_id"
        case .policies: "policy_id"
        }
    }

    var singular: String { String(rawValue.dropLast()) }

    func entries(of document: DirectoryDocument) throws -> JSONValue {
        switch self {
        case .users: try JSONValue.encoding(document.users)
        case .applications: try JSONValue.encoding(document.applications)
        case .roles: try JSONValue.encoding(document.roles)
        case .policies: try JSONValue.encoding(document.policies)
        }
    }

    func upsert(_ body: JSONValue, into document: inout DirectoryDocument, creating: Bool) throws {
        func put<T>(_ item: T, _ list: inout [T], id: (T) -> String) throws {
            if let index = list.firstIndex(where: { id($0) == id(item) }) {
                if creating { throw DomainError.conflict("A \(singular) \(id(item)) exists already; PUT replaces it.") }
                list[index] = item
            } else {
                list.append(item)
            }
        }
        switch self {
        case .users: try put(try body.decoded(as: DirectoryUser.self), &document.users, id: \.userID)
        case .applications: try put(try body.decoded(as: DirectoryApplication.self), &document.applications, id: \.appID)
        case .roles: try put(try body.decoded(as: DirectoryRole.self), &document.roles, id: \.roleID)
        case .policies: try put(try body.decoded(as: AccessPolicy.self), &document.policies, id: \.policyID)
        }
    }

    func remove(_ id: String, from document: inout DirectoryDocument) throws {
        let before = document
        switch self {
        case .users: document.users.removeAll { $0.userID == id }; document.userRoles.removeAll { $0.userID == id }
        case .applications: document.applications.removeAll { $0.appID == id }
        case .roles: document.roles.removeAll { $0.roleID == id }; document.userRoles.removeAll { $0.roleID == id }
        case .policies: document.policies.removeAll { $0.policyID == id }
        }
        if before == document { throw DomainError.notFound("No \(singular) \(id).") }
    }
}
