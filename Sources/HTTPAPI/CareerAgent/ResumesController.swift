import CareerAgent
import Domain
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/resumes`: upload, read, choose the primary one, download the original, remove.
struct ResumesController {
    typealias Context = APIRequestContext
    let resumes: ResumeService

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("resumes", use: upload)
        group.get("resumes", use: list)
        group.get("resumes/{id}", use: show)
        group.patch("resumes/{id}", use: update)
        group.delete("resumes/{id}", use: remove)
        group.get("resumes/{id}/file", use: file)
    }

    @Sendable func upload(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        // A little room above 5 MB for the multipart framing; the file itself is checked exactly.
        let upload = try await MultipartUpload.read(request, field: "file", limit: ResumeService.maximumBytes + 64 * 1024)
        let resume = try await resumes.upload(actor: caller.actor, fileName: upload.fileName, contentType: upload.contentType,
                                              data: upload.data)
        return try JSONResponse.make(ResumeRepresentation.full(resume), status: .created,
                                     headers: [.location: "/api/v1/resumes/\(resume.id)"])
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(["resumes": try await resumes.list(actor: caller.actor).map(ResumeRepresentation.summary)])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(ResumeRepresentation.full(try await resumes.resume(actor: caller.actor, id: try Self.id(context))))
    }

    /// `{"is_primary": true}` makes this the resume matching and analysis use.
    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let primary = fields.bool("is_primary")
        if primary == false { fields.fail("is_primary", "can only be set to true; mark another resume primary instead") }
        if primary == nil, fields.fields["is_primary"] == nil { fields.fail("is_primary", "is required") }
        fields.rejectUnknown(allowing: ["is_primary"])
        try fields.check()
        let resume = try await resumes.markPrimary(actor: caller.actor, id: try Self.id(context))
        return try JSONResponse.make(ResumeRepresentation.full(resume))
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await resumes.delete(actor: caller.actor, id: try Self.id(context))
        return Response(status: .noContent)
    }

    @Sendable func file(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let (resume, data) = try await resumes.original(actor: caller.actor, id: try Self.id(context))
        var headers = HTTPFields()
        headers[.contentType] = resume.contentType
        let asciiName = String(resume.fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 32 ? Character($0) : "_" })
        headers[.contentDisposition] = "attachment; filename=\"\(asciiName)\""
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func id(_ context: Context) throws -> String {
        try context.parameters.require("id")
    }
}
