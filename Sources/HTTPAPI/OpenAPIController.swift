import Foundation
import Hummingbird

/// Serves the OpenAPI 3.1 document that describes these routes (kept true by a test).
struct OpenAPIController<Context: RequestContext> {
    func addRoutes(to group: RouterGroup<Context>) {
        group.get("openapi.json") { _, _ in
            guard let data = OpenAPIDocument.data else {
                throw Problem(status: .internalServerError, slug: "internal", detail: "The OpenAPI document is missing.")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
            )
        }
    }
}

public enum OpenAPIDocument {
    /// The document as shipped in the module's resources.
    public static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }
}
