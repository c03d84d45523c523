import AccessGovernance
import Domain
import Foundation

/// The JSON of a request: the answer of `POST /api/v1/access/requests` (entities, missing, unknown,
/// decision, reasons, evidence, confidence, question) and then its approvals, grant and history.
enum AccessRepresentation {
    static func request(_ request: AccessRequest) throws -> JSONValue {
        var value = try JSONValue.encoding(request)
        guard case .object(var object) = value else { return value }
        object["owner_account_id"] = nil
        if object["decision"] == nil { object["decision"] = .null }
        if object["question"] == nil { object["question"] = .null }
        value = .object(object)
        return value
    }

    static func requests(_ requests: [AccessRequest]) throws -> JSONValue {
        .object(["requests": .array(try requests.map(request))])
    }
}

extension JSONValue {
    /// Any encodable value as a JSON value, dates as ISO-8601 like every response.
    public static func encoding(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder.api.encode(value))
    }

    /// A JSON value decoded into a typed model; a wrong field becomes a 422 naming its path ("roles[3].sensitivity").
    public func decoded<T: Decodable>(as type: T.Type, field prefix: String = "") throws -> T {
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: JSONEncoder.api.encode(self))
        } catch let error as DecodingError {
            throw DomainError.invalid("The body does not have the expected shape.", fieldErrors: [Self.fieldError(error, prefix: prefix)])
        }
    }

    private static func fieldError(_ error: DecodingError, prefix: String) -> FieldError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = prefix
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context): return FieldError(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context): return FieldError(field: path(context.codingPath), message: "must be \(type)")
        case .valueNotFound(_, let context): return FieldError(field: path(context.codingPath), message: "must not be null")
        case .dataCorrupted(let context): return FieldError(field: path(context.codingPath), message: context.debugDescription)
        @unknown default: return FieldError(field: prefix.isEmpty ? "body" : prefix, message: "is not valid")
        }
    }
}
