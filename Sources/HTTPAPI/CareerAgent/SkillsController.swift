import CareerAgent
import Domain
import Foundation
import Hummingbird

/// `/api/v1/skills`: the taxonomy looked up, and skills read out of any text with their evidence.
struct SkillsController {
    typealias Context = APIRequestContext
    let extractor: SkillExtractor

    /// A long posting or resume is well under this; the limit keeps one request from holding a core.
    static let maximumTextLength = 100_000

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("skills", use: lookup)
        group.post("skills/extract", use: extract)
    }

    @Sendable func lookup(_ request: Request, context: Context) async throws -> Response {
        let query = request.uri.queryParameters.get("q") ?? ""
        let limit = try QueryLimit.read(request, default: 20)
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError.badRequest("Say what to look up with ?q=.", fieldErrors: [FieldError(field: "q", message: "is required")])
        }
        let skills = extractor.taxonomy.lookup(query, limit: limit).map(SkillBody.init)
        return try JSONResponse.make(["skills": skills])
    }

    @Sendable func extract(_ request: Request, context: Context) async throws -> Response {
        guard context.identity != nil else {
            throw DomainError.unauthorized("Sign in (Authorization: Bearer <access token>) or send an API key (X-API-Key).")
        }
        var fields = try await JSONFields.read(request, limit: Self.maximumTextLength * 4)
        let text = fields.string("text", maximumLength: Self.maximumTextLength)
        let kindName = fields.string("kind", required: false) ?? "posting"
        let kind: SkillTextKind? = ["posting": .posting, "resume": .resume][kindName]
        if kind == nil { fields.fail("kind", "must be posting or resume") }
        fields.rejectUnknown(allowing: ["text", "kind"])
        try fields.check()
        let skills = extractor.extract(from: text ?? "", kind: kind ?? .posting, includingUnlisted: true).map(SkillRepresentation.extracted)
        return try JSONResponse.make(JSONValue.object(["skills": .array(skills)]))
    }
}

struct SkillBody: Encodable {
    var id: String
    var name: String
    var category: String
    var esco_uri: String?
    var source: String

    init(_ concept: SkillConcept) {
        id = concept.id
        name = concept.name
        category = concept.category
        esco_uri = concept.escoURI
        source = concept.source.rawValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(category, forKey: .category)
        try container.encode(esco_uri, forKey: .esco_uri)
        try container.encode(source, forKey: .source)
    }

    private enum CodingKeys: String, CodingKey { case id, name, category, esco_uri, source }
}
