import AccessGovernance
import Domain
import Foundation
import Hummingbird

/// `/api/v1/access/directory` and the directory's entities, for admins: import and export as one
/// document (a re-import updates in place and says what changed), and one entity at a time.
struct AccessDirectoryController {
    typealias Context = APIRequestContext
    let access: AccessGovernanceAPI
    /// Directories of a few thousand entries fit; larger ones are imported from the command line.
    static let importLimit = 8 * 1_024 * 1_024

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("access/directory", use: export)
        group.post("access/directory", use: importDocument)
        for kind in DirectoryKind.allCases {
            group.get("access/\(kind.rawValue)", use: { request, context in try await list(kind, request, context) })
            group.post("access/\(kind.rawValue)", use: { request, context in try await save(kind, nil, request, context) })
            group.get("access/\(kind.rawValue)/{id}", use: { request, context in try await show(kind, request, context) })
            group.put("access/\(kind.rawValue)/{id}", use: { request, context in
                try await save(kind, try context.parameters.require("id"), request, context)
            })
            group.delete("access/\(kind.rawValue)/{id}", use: { request, context in try await remove(kind, request, context) })
        }
        group.post("access/user_roles", use: assign)
        group.delete("access/user_roles/{user_id}/{role_id}", use: unassign)
        group.post("access/policies/{id}/draft", use: draftRule)
    }

    @Sendable func export(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        return try JSONResponse.make(try await access.directory.export())
    }

    @Sendable func importDocument(_ request: Request, context: Context) async throws -> Response {
        let admin = try context.requireAdmin()
        let body = try await RequestBody.json(request, limit: Self.importLimit)
        let document = try body.decoded(as: DirectoryDocument.self)
        let changes = try await access.directory.importDocument(document)
        try await access.audit.append(AuditEvent(action: "directory.imported", actor: "account:\(admin.userID)", subject: "directory",
                                                 details: try JSONValue.encoding(changes)))
        return try JSONResponse.make(["changes": changes])
    }

    private func list(_ kind: DirectoryKind, _ request: Request, _ context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let document = try await access.directory.export()
        return try JSONResponse.make(JSONValue.object([kind.rawValue: try kind.entries(of: document)]))
    }

    private func show(_ kind: DirectoryKind, _ request: Request, _ context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let document = try await access.directory.export()
        guard case .array(let entries) = try kind.entries(of: document),
              let entry = entries.first(where: { $0[kind.idField]?.stringValue == id }) else {
            throw DomainError.notFound("No \(kind.singular) \(id).")
        }
        return try JSONResponse.make(entry)
    }

    /// POST creates (409 when the id is taken); PUT replaces the entity with that id, creating it when new.
    private func save(_ kind: DirectoryKind, _ id: String?, _ request: Request, _ context: Context) async throws -> Response {
        let admin = try context.requireAdmin()
        var body = try await RequestBody.json(request, limit: 1_024 * 1_024)
        if let id, case .object(var object) = body {
            if let given = object[kind.idField]?.stringValue, given != id {
                throw DomainError.invalid("The id in the body is not the one in the address.", fieldErrors: [FieldError(field: kind.idField, message: "must be \"\(id)\"")])
            }
            object[kind.idField] = .string(id)
            body = .object(object)
        }
        let entity = body
        let changes = try await access.directory.edit { document in try kind.upsert(entity, into: &document, creating: id == nil) }
        try await access.audit.append(AuditEvent(action: "directory.changed", actor: "account:\(admin.userID)", subject: "\(kind.rawValue)",
                                                 details: try JSONValue.encoding(changes)))
        return try JSONResponse.make(body, status: id == nil ? .created : .ok)
    }

    private func remove(_ kind: DirectoryKind, _ request: Request, _ context: Context) async throws -> Response {
        let admin = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let changes = try await access.directory.edit { document in try kind.remove(id, from: &document) }
        try await access.audit.append(AuditEvent(action: "directory.changed", actor: "account:\(admin.userID)", subject: "\(kind.rawValue)/\(id)",
                                                 details: try JSONValue.encoding(changes)))
        return Response(status: .noContent)
    }

    @Sendable func assign(_ request: Request, context: Context) async throws -> Response {
        let admin = try context.requireAdmin()
        var fields = try await JSONFields.read(request)
        let userID = fields.string("user_id", maximumLength: 200), roleID = fields.string("role_id", maximumLength: 200)
        fields.rejectUnknown(allowing: ["user_id", "role_id"])
        try fields.check()
        let assignment = RoleAssignment(userID: userID!, roleID: roleID!)
        try await access.directory.edit { document in
            if !document.userRoles.contains(assignment) { document.userRoles.append(assignment) }
        }
        try await access.audit.append(AuditEvent(action: "directory.changed", actor: "account:\(admin.userID)", subject: "user_roles",
                                                 details: .object(["assigned": .string("\(userID!):\(roleID!)")])))
        return try JSONResponse.make(assignment, status: .created)
    }

    @Sendable func unassign(_ request: Request, context: Context) async throws -> Response {
        let admin = try context.requireAdmin()
        let userID = try context.parameters.require("user_id"), roleID = try context.parameters.require("role_id")
        try await access.directory.edit { document in
            guard document.userRoles.contains(where: { $0.userID == userID && $0.roleID == roleID }) else {
                throw DomainError.notFound("\(userID) does not hold \(roleID) by assignment.")
            }
            document.userRoles.removeAll { $0.userID == userID && $0.roleID == roleID }
        }
        try await access.audit.append(AuditEvent(action: "directory.changed", actor: "account:\(admin.userID)", subject: "user_roles",
                                                 details: .object(["unassigned": .string("\(userID):\(roleID)")])))
        return Response(status: .noContent)
    }

    /// A rule drafted from the policy's text, for an admin to review and save; nothing is stored.
    @Sendable func draftRule(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let snapshot = try await access.directory.snapshot()
        guard let policy = snapshot.document.policies.first(where: { $0.policyID == id }) else { throw DomainError.notFound("No policy \(id).") }
        let draft = PolicyRuleDrafter(snapshot: snapshot).draft(from: policy.text)
        let proposed = await access.ruleProposal.propose(for: policy, snapshot: snapshot)
        return try JSONResponse.make(JSONValue.object([
            "policy_id": .string(id), "rule": try draft.rule.map(JSONValue.encoding) ?? .null,
            "explanation": .array(draft.explanation.map(JSONValue.string)),
            "proposed_by_model": try proposed.map(JSONValue.encoding) ?? .null,
        ]))
    }
}
