import Foundation

extension JSONValue {
    /// Any encodable value as a JSON value, times as ISO-8601 (as responses and audit details carry them).
    public static func encoding(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }
}
