import Domain
import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem document: the one error shape every route returns.
public struct Problem: Error, Sendable, Encodable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var errors: [FieldError]?
    /// Extra headers such as `WWW-Authenticate` or `Retry-After`.
    public var headers: [String: String] = [:]

    private enum CodingKeys: String, CodingKey { case type, title, status, detail, errors }

    public init(status: HTTPResponse.Status, slug: String, detail: String, errors: [FieldError]? = nil) {
        type = "urn:wayfinder:problem:\(slug)"
        title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.errors = errors?.isEmpty == true ? nil : errors
    }

    public init(_ error: DomainError) {
        switch error {
        case .badRequest(let detail, let fields):
            self.init(status: .badRequest, slug: "bad-request", detail: detail, errors: fields)
        case .invalid(let detail, let fields):
            self.init(status: .unprocessableContent, slug: "validation-failed", detail: detail, errors: fields)
        case .unauthorized(let detail):
            self.init(status: .unauthorized, slug: "unauthorized", detail: detail)
            headers["WWW-Authenticate"] = "Bearer"
        case .forbidden(let detail):
            self.init(status: .forbidden, slug: "forbidden", detail: detail)
        case .notFound(let detail):
            self.init(status: .notFound, slug: "not-found", detail: detail)
        case .conflict(let detail):
            self.init(status: .conflict, slug: "conflict", detail: detail)
        case .unavailable(let detail):
            self.init(status: .serviceUnavailable, slug: "unavailable", detail: detail)
            headers["Retry-After"] = "5"
        case .tooManyRequests(let detail, let retryAfter):
            self.init(status: .tooManyRequests, slug: "too-many-requests", detail: detail)
            headers["Retry-After"] = String(max(1, retryAfter))
        case .tooLarge(let detail):
            self.init(status: .contentTooLarge, slug: "too-large", detail: detail)
        case .unsupportedMediaType(let detail):
            self.init(status: .unsupportedMediaType, slug: "unsupported-media-type", detail: detail)
        }
    }

    static let mediaType = "application/problem+json"

    func response() -> Response {
        var fields = HTTPFields()
        fields[.contentType] = Self.mediaType
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let body = (try? JSONEncoder.api.encode(self)) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
