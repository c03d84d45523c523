import Domain
import Foundation
import Hummingbird
import Publishing

/// `POST /api/v1/media` (multipart, field `file`): images and short videos for messages. Each upload also
/// has an unguessable public address, `/media/{id}/{key}`, for the networks that fetch media themselves.
struct MediaController {
    typealias Context = APIRequestContext
    let media: MediaService
    let maximumBytes: Int

    func addRoutes(to group: RouterGroup<Context>, public router: Router<Context>) {
        group.post("media", use: upload)
        group.get("media/{id}", use: show)
        router.get("media/{id}/{key}", use: published)
    }

    @Sendable func upload(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let upload = try await MultipartUpload.read(request, field: "file", limit: maximumBytes + 64 * 1024)
        let item = try await media.upload(upload.data, filename: upload.fileName, owner: caller.actor)
        return try JSONResponse.make(PublishingRepresentation.media(item, address: media.publicAddress(of: item)), status: .created,
                                     headers: [.location: "/api/v1/media/\(item.id)"])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let item = try await media.media(id: try context.parameters.require("id"), owner: caller.actor)
        return try JSONResponse.make(PublishingRepresentation.media(item, address: media.publicAddress(of: item)))
    }

    @Sendable func published(_ request: Request, context: Context) async throws -> Response {
        let (item, data) = try await media.published(id: try context.parameters.require("id"), accessKey: try context.parameters.require("key"))
        return Response(status: .ok, headers: [.contentType: item.contentType, .cacheControl: "public, max-age=86400",
                                               .init("X-Content-Type-Options")!: "nosniff"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
