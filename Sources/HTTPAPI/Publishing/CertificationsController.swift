import Accounts
import Domain
import Foundation
import Hummingbird
import Publishing

/// `/api/v1/certifications`: credentials a user earned, their verification, and the announcement each proposes.
struct CertificationsController {
    typealias Context = APIRequestContext
    let certifications: CertificationService
    let messages: MessageService
    let channels: ChannelService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("certifications", use: list)
        group.post("certifications", use: create)
        group.get("certifications/{id}", use: show)
        group.patch("certifications/{id}", use: update)
        group.delete("certifications/{id}", use: remove)
        group.get("certifications/{id}/announcement", use: announcement)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let all = try await certifications.certifications(owner: caller.actor)
        return try JSONResponse.make(JSONValue.object(["certifications": .array(all.map(PublishingRepresentation.certification))]))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let certification = try await certifications.create(try await Self.draft(request, current: nil), owner: caller.actor)
        var body = PublishingRepresentation.certification(certification)
        if case .object(var object) = body {
            object["announcement"] = try await announcementBody(certification.id, caller: caller)
            body = .object(object)
        }
        return try JSONResponse.make(body, status: .created, headers: [.location: "/api/v1/certifications/\(certification.id)"])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(PublishingRepresentation.certification(
            try await certifications.certification(id: try context.parameters.require("id"), owner: caller.actor)))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        let current = try await certifications.certification(id: id, owner: caller.actor)
        let updated = try await certifications.update(id: id, try await Self.draft(request, current: current), owner: caller.actor)
        return try JSONResponse.make(PublishingRepresentation.certification(updated))
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await certifications.delete(id: try context.parameters.require("id"), owner: caller.actor)
        return Response(status: .noContent)
    }

    /// The proposed announcement, with its version for each of the user's channels: edit it, then `POST /api/v1/messages`.
    @Sendable func announcement(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(try await announcementBody(try context.parameters.require("id"), caller: caller))
    }

    private func announcementBody(_ id: String, caller: Authenticated) async throws -> JSONValue {
        let content = try await certifications.announcement(id: id, owner: caller.actor)
        let owned = try await channels.channels(owner: caller.actor)
        let draft = MessageDraft(title: content.title, body: content.body, link: content.link, channelIDs: owned.map(\.id))
        let versions = try await messages.preview(draft, owner: caller.actor)
        return .object([
            "title": content.title.map(JSONValue.string) ?? .null, "body": .string(content.body),
            "link": content.link.map(JSONValue.string) ?? .null, "source": .string("certification:\(id)"),
            "versions": .array(versions.map(PublishingRepresentation.version)),
        ])
    }

    static func draft(_ request: Request, current: Certification?) async throws -> CertificationDraft {
        var fields = try await JSONFields.read(request)
        var draft = CertificationDraft(name: current?.name ?? "", issuer: current?.issuer ?? "", issuedOn: current?.issuedOn,
                                       expiresOn: current?.expiresOn, credentialID: current?.credentialID, credentialURL: current?.credentialURL,
                                       skills: current?.skills ?? [])
        let creating = current == nil
        if let name = fields.string("name", required: creating, maximumLength: 200) { draft.name = name }
        if let issuer = fields.string("issuer", required: creating, maximumLength: 200) { draft.issuer = issuer }
        if fields.fields["issued_on"] != nil { draft.issuedOn = fields.string("issued_on", required: false, maximumLength: 10) }
        if fields.fields["expires_on"] != nil { draft.expiresOn = fields.string("expires_on", required: false, maximumLength: 10) }
        if fields.fields["credential_id"] != nil { draft.credentialID = fields.string("credential_id", required: false, maximumLength: 200) }
        if fields.fields["credential_url"] != nil { draft.credentialURL = fields.string("credential_url", required: false, maximumLength: 2_000) }
        if let raw = fields.fields["skills"] {
            if case .array(let items) = raw {
                draft.skills = []
                for (index, item) in items.enumerated() {
                    if case .string(let skill) = item { draft.skills.append(skill) } else { fields.fail("skills[\(index)]", "must be a string") }
                }
            } else if case .null = raw { draft.skills = [] } else { fields.fail("skills", "must be an array of skill names") }
        }
        fields.rejectUnknown(allowing: ["name", "issuer", "issued_on", "expires_on", "credential_id", "credential_url", "skills"])
        try fields.check()
        return draft
    }
}
