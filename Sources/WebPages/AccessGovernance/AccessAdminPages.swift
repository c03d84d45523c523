import AccessGovernance
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/access/admin` and `/access/audit`, for admins: import and export the directory, draft a policy's
/// rule from its text and save it, and read and verify the audit log.
struct AccessAdminPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("access/admin", use: directory)
        group.post("access/admin/import", use: importDocument)
        group.get("access/admin/directory.json", use: export)
        group.post("access/admin/policies/{id}/draft", use: draft)
        group.post("access/admin/policies/{id}/rule", use: saveRule)
        group.get("access/audit", use: audit)
        group.get("access/audit.jsonl", use: auditLines)
    }

    private var access: AccessGovernanceAPI { web.dependencies.access }

    /// JSON for people to read and edit: indented, keys sorted, times ISO-8601.
    static var readable: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The signed-in admin, or the response to send instead (sign in, or 403).
    private enum AdminCheck { case admin(AccessCaller), refused(Response) }

    private func admin(_ request: Request, _ context: APIRequestContext) async -> AdminCheck {
        guard case .user(let user)? = context.identity else { return .refused(RedirectToSignIn(path: request.uri.path).response) }
        guard user.actor.isAdmin else {
            return .refused(await web.message("Administrators only", "This page is for administrators.", status: .forbidden, request, context))
        }
        return .admin(AccessCaller(accountID: user.actor.userID, email: nil, isAdmin: true))
    }

    @Sendable func directory(_ request: Request, context: APIRequestContext) async throws -> Response {
        if case .refused(let response) = await admin(request, context) { return response }
        return try await directoryPage(request, context, draftFor: nil, draft: nil, explanation: [], problems: [], changes: nil)
    }

    private func directoryPage(_ request: Request, _ context: APIRequestContext, draftFor: String?, draft: String?, explanation: [String],
                               problems: [FieldError], changes: DirectoryChanges?, proposal: String? = nil) async throws -> Response {
        let document = try await access.directory.snapshot().document
        let encoder = Self.readable
        let policies = try document.policies.map { policy -> [String: Any] in
            var row: [String: Any] = ["id": policy.policyID, "title": policy.title, "text": policy.text,
                                      "rule": try policy.rule.map { String(decoding: try encoder.encode($0), as: UTF8.self) } ?? ""]
            if policy.policyID == draftFor {
                row["draft"] = draft ?? ""
                row["explanation"] = explanation
                row["drafting"] = true
                row["proposal"] = proposal ?? ""
            }
            return row
        }
        let changeLines = changes.map { changes in
            [("users", changes.users), ("applications", changes.applications), ("roles", changes.roles), ("user_roles", changes.userRoles),
             ("policies", changes.policies)].map { "\($0.0): \($0.1.added.count) added, \($0.1.updated.count) updated, \($0.1.removed.count) removed" }
        } ?? []
        return await web.page("access-admin", [
            "users": document.users.count, "applications": document.applications.count, "roles": document.roles.count,
            "assignments": document.userRoles.count, "policyCount": document.policies.count, "policies": policies,
            "problems": problems.map { ["field": $0.field, "message": $0.message] }, "hasProblems": !problems.isEmpty,
            "changes": changeLines, "hasChanges": !changeLines.isEmpty, "csrf": context.csrfToken ?? "",
        ] as [String: Any], title: "Access directory", request, context)
    }

    @Sendable func importDocument(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .admin(let caller) = await admin(request, context) else { return try await directory(request, context: context) }
        let form = try await FormBody.read(request, limit: 8 * 1_024 * 1_024)
        try BrowserSession.check(form, request: request)
        do {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data((form["document"] ?? "").utf8))
            let document = try value.decoded(as: DirectoryDocument.self)
            let changes = try await access.directory.importDocument(document)
            _ = try await access.audit.append(AuditEvent(action: "directory.imported", actor: caller.label, subject: "directory",
                                                         details: try JSONValue.encoding(changes)))
            return try await directoryPage(request, context, draftFor: nil, draft: nil, explanation: [], problems: [], changes: changes)
        } catch DomainError.invalid(_, let fields) {
            return try await directoryPage(request, context, draftFor: nil, draft: nil, explanation: [], problems: fields, changes: nil)
        } catch is DecodingError {
            return try await directoryPage(request, context, draftFor: nil, draft: nil, explanation: [],
                                           problems: [FieldError(field: "document", message: "is not JSON")], changes: nil)
        }
    }

    @Sendable func export(_ request: Request, context: APIRequestContext) async throws -> Response {
        if case .refused(let response) = await admin(request, context) { return response }
        let data = try Self.readable.encode(try await access.directory.export())
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"directory.json\""],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Drafts a rule from the policy's text; nothing is saved until an admin saves it.
    @Sendable func draft(_ request: Request, context: APIRequestContext) async throws -> Response {
        if case .refused(let response) = await admin(request, context) { return response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        let snapshot = try await access.directory.snapshot()
        guard let policy = snapshot.document.policies.first(where: { $0.policyID == id }) else {
            return await web.message("No such policy", "It may have been removed.", link: ("/access/admin", "Directory"), status: .notFound, request, context)
        }
        let drafted = PolicyRuleDrafter(snapshot: snapshot).draft(from: policy.text)
        let encoder = Self.readable
        let text = try drafted.rule.map { String(decoding: try encoder.encode($0), as: UTF8.self) } ?? ""
        let proposal = try await access.ruleProposal.propose(for: policy, snapshot: snapshot).map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return try await directoryPage(request, context, draftFor: id, draft: text, explanation: drafted.explanation, problems: [], changes: nil,
                                       proposal: proposal)
    }

    /// Saves the rule an admin reviewed (empty removes the rule: the policy becomes knowledge only).
    @Sendable func saveRule(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .admin(let caller) = await admin(request, context) else { return try await directory(request, context: context) }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        let text = (form["rule"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let rule = try text.isEmpty ? nil : JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)).decoded(as: PolicyRule.self, field: "rule")
            let changes = try await access.directory.edit { document in
                guard let index = document.policies.firstIndex(where: { $0.policyID == id }) else { throw DomainError.notFound("No policy \(id).") }
                document.policies[index].rule = rule
            }
            _ = try await access.audit.append(AuditEvent(action: "directory.changed", actor: caller.label, subject: "policies/\(id)",
                                                         details: try JSONValue.encoding(changes)))
            return PageRenderer.redirect(to: "/access/admin")
        } catch DomainError.invalid(_, let fields) {
            return try await directoryPage(request, context, draftFor: id, draft: text, explanation: [], problems: fields, changes: nil)
        } catch is DecodingError {
            return try await directoryPage(request, context, draftFor: id, draft: text, explanation: [],
                                           problems: [FieldError(field: "rule", message: "is not JSON")], changes: nil)
        }
    }

    @Sendable func audit(_ request: Request, context: APIRequestContext) async throws -> Response {
        if case .refused(let response) = await admin(request, context) { return response }
        let query = request.uri.queryParameters
        let filter = AuditFilter(action: query.get("action").flatMap { $0.isEmpty ? nil : $0 }, subject: query.get("subject").flatMap { $0.isEmpty ? nil : $0 },
                                 limit: 200)
        let entries = try await access.audit.entries(filter).reversed().map { entry -> [String: Any] in
            ["sequence": entry.sequence, "at": Timestamps.format(entry.at), "action": entry.action, "actor": entry.actor, "subject": entry.subject,
             "hash": String(entry.contentHash.prefix(12))]
        }
        let verification: String
        switch try await access.audit.verify() {
        case .intact(let count, _): verification = "The chain of \(count) entries is intact."
        case .broken(let sequence, let reason): verification = "The chain is broken at entry \(sequence): \(reason)"
        }
        return await web.page("access-audit", ["entries": entries, "verification": verification, "action": query.get("action") ?? "",
                                               "subject": query.get("subject") ?? ""] as [String: Any], title: "Access audit", request, context)
    }

    @Sendable func auditLines(_ request: Request, context: APIRequestContext) async throws -> Response {
        if case .refused(let response) = await admin(request, context) { return response }
        let entries = try await access.audit.entries(AuditFilter(limit: AuditFilter.maximumLimit))
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"access-audit.jsonl\""],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: AuditJSONLines.encode(entries))))
    }
}
