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
    /// A JSON value decoded into a typed model; a wrong field becomes a 422 naming its path ("roles[3].sensitivity").
    public func decoded<T: Decodable>(as type: T.Type, field prefix: String = "") throws -> T {
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: JSONEncoder.api.encode(self))
        } catch let error as DecodingError {
            throw DomainError.invalid("The body does not have the expected shape.", fieldErrors: [error.fieldError(prefix: prefix)])
        }
    }
}
