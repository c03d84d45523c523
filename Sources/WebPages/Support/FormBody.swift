import Domain
import Hummingbird
import JobPostings

/// An `application/x-www-form-urlencoded` body, read with the same decoding as query strings.
struct FormBody {
    private let parameters: QueryParameters

    static func read(_ request: Request, limit: Int = 65_536) async throws -> FormBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw DomainError.badRequest("The form is larger than \(limit) bytes.")
        }
        return FormBody(parameters: try QueryParameters(rawQuery: String(buffer: buffer)))
    }

    /// The field's value, trimmed; nil when absent.
    subscript(_ name: String) -> String? { parameters[name] }

    func all(_ name: String) -> [String] { parameters.all(name) }

    /// Checkboxes send their value only when checked.
    func isChecked(_ name: String) -> Bool { parameters[name] != nil }
}
