import Domain
import Foundation
import Hummingbird
import MultipartKit

/// One file from a `multipart/form-data` body: the part named `field`, with its file name and type.
public struct MultipartUpload: Sendable {
    public var fileName: String
    public var contentType: String?
    public var data: Data
    /// The other parts that are not files (a form's `csrf` field), by name.
    public var fields: [String: String] = [:]

    /// Reads the body (at most `limit` bytes: 413 beyond) and returns the part named `field` (400 when missing).
    public static func read(_ request: Request, field: String, limit: Int) async throws -> MultipartUpload {
        guard let first = try await readAll(request, field: field, limit: limit).first else {
            throw DomainError.badRequest("Attach the file in a part named '\(field)'.",
                                         fieldErrors: [FieldError(field: field, message: "is required")])
        }
        return first
    }

    /// Every part named `field` (a form's `<input type=file multiple>`), each with the form's other fields.
    public static func readAll(_ request: Request, field: String, limit: Int) async throws -> [MultipartUpload] {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.boundary(in: type) else {
            throw DomainError.unsupportedMediaType("Send the file as multipart/form-data with a part named '\(field)'.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw DomainError.tooLarge("The upload is larger than \(limit / 1_048_576) MB.")
        }
        var parts: [(headers: [String: String], body: ByteBuffer)] = []
        var headers: [String: String] = [:]
        var body = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, body))
            headers = [:]
            body = ByteBuffer()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw DomainError.badRequest("The multipart body could not be read.")
        }
        var fields: [String: String] = [:]
        for other in parts {
            let otherDisposition = other.headers["content-disposition"] ?? ""
            guard Self.parameter("filename", in: otherDisposition) == nil, let name = Self.parameter("name", in: otherDisposition),
                  other.body.readableBytes <= 4_096 else { continue }
            fields[name] = String(buffer: other.body)
        }
        return parts.filter { Self.parameter("name", in: $0.headers["content-disposition"] ?? "") == field }.map { part in
            let disposition = part.headers["content-disposition"] ?? ""
            return MultipartUpload(
                fileName: Self.parameter("filename", in: disposition) ?? field,
                contentType: part.headers["content-type"],
                data: Data(part.body.readableBytesView),
                fields: fields
            )
        }
    }

    static func boundary(in contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// A `name=value` or `name="value"` parameter of a header value.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
