import Domain
import Foundation

/// Where a result walk stands: the last hit's sort key, the row-id horizon and the scoring statistics
/// of the first page. Encoded as base64url JSON with a checksum bound to the query it belongs to.
struct SearchCursor: Codable, Equatable {
    static let version = 1

    var version: Int = SearchCursor.version
    var horizon: Int64
    var statistics: ScoringStatistics?
    var lastScore: Double?
    var lastPostedAt: Int64?
    var lastRowID: Int64

    func encoded(fingerprint: UInt64) -> String {
        let payload = (try? JSONEncoder().encode(self)) ?? Data()
        var bytes = [UInt8](payload)
        bytes.append(contentsOf: withUnsafeBytes(of: Self.checksum(payload, fingerprint).bigEndian, Array.init))
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Throws a 400 problem naming `cursor` when the text is not a cursor of this query.
    static func decode(_ text: String, fingerprint: UInt64) throws -> SearchCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), data.count > 8 else { throw invalid("is not a valid cursor") }
        let payload = data.prefix(data.count - 8)
        let stored = data.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard stored == checksum(payload, fingerprint) else {
            throw invalid("does not belong to this query (it was changed, or the filters differ from the first page)")
        }
        guard let cursor = try? JSONDecoder().decode(SearchCursor.self, from: payload),
              cursor.version == version else {
            throw invalid("is no longer valid; start again from the first page")
        }
        return cursor
    }

    private static func invalid(_ message: String) -> DomainError {
        .badRequest("The cursor cannot be used.", fieldErrors: [FieldError(field: "cursor", message: message)])
    }

    /// FNV-1a over the payload, seeded with the query fingerprint: detects edits and reuse across queries.
    static func checksum(_ payload: Data, _ fingerprint: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ fingerprint
        for byte in payload { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// A stable hash of everything in a query that decides its results, except the page.
    static func fingerprint(_ parts: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        return hash
    }
}
