import Domain
import Foundation
import Hummingbird

enum RequestBody {
    /// Reads a JSON body of at most `limit` bytes: 413 when larger, 415 for another media type,
    /// 400 when it is not JSON.
    /// With `allowingEmpty`, an empty body reads as an empty object (every field optional).
    static func json(_ request: Request, limit: Int, allowingEmpty: Bool = false) async throws -> JSONValue {
        if let type = request.headers[.contentType], !type.lowercased().contains("json") {
            throw Problem(status: .unsupportedMediaType, slug: "unsupported-media-type",
                          detail: "Send the body as application/json.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw Problem(status: .contentTooLarge, slug: "too-large", detail: "The body is larger than \(limit) bytes.")
        }
        if allowingEmpty, buffer.readableBytesView.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) { return .object([:]) }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) else {
            throw DomainError.badRequest("The body is not valid JSON.")
        }
        return value
    }
}
