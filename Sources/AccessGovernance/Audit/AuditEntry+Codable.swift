import Domain
import Foundation

/// snake_case keys, and `at` as an ISO-8601 UTC time with milliseconds (`2026-11-22T10:00:00.123Z`), as
/// the API and the JSON Lines export show it.
extension AuditEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case sequence, at, action, actor, subject, details
        case previousHash = "previous_hash"
        case contentHash = "content_hash"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let time = try container.decode(String.self, forKey: .at)
        guard let milliseconds = AuditMilliseconds.parse(time) else {
            throw DecodingError.dataCorruptedError(forKey: .at, in: container, debugDescription: "not an ISO-8601 time: \(time)")
        }
        self.init(
            sequence: try container.decode(Int64.self, forKey: .sequence), at: AuditMilliseconds.date(milliseconds),
            action: try container.decode(String.self, forKey: .action), actor: try container.decode(String.self, forKey: .actor),
            subject: try container.decode(String.self, forKey: .subject), details: try container.decode(JSONValue.self, forKey: .details),
            previousHash: try container.decode(String.self, forKey: .previousHash),
            contentHash: try container.decode(String.self, forKey: .contentHash)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(AuditMilliseconds.iso8601(atMilliseconds), forKey: .at)
        try container.encode(action, forKey: .action)
        try container.encode(actor, forKey: .actor)
        try container.encode(subject, forKey: .subject)
        try container.encode(details, forKey: .details)
        try container.encode(previousHash, forKey: .previousHash)
        try container.encode(contentHash, forKey: .contentHash)
    }
}
