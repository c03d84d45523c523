import Domain
import Foundation

/// Where a result walk stands: the last hit's sort key, the row-id horizon and the scoring statistics
/// of the first page. Encoded as base64url JSON with a checksum bound to the query it belongs to.
struct SearchCursor: Equatable {
    /// 2: binary; cursors of version 1 (JSON) are refused as no longer valid.
    static let version: UInt8 = 2

    var horizon: Int64
    var statistics: ScoringStatistics?
    var lastScore: Double?
    var lastPostedAt: Int64?
    var lastRowID: Int64

    func encoded(fingerprint: UInt64) -> String {
        var bytes = payload()
        bytes.append(contentsOf: withUnsafeBytes(of: Self.checksum(bytes, fingerprint).bigEndian, Array.init))
        return Base64URL.encode(bytes)
    }

    private func payload() -> [UInt8] {
        var writer = CursorWriter()
        writer.byte(Self.version)
        writer.integer(horizon)
        writer.integer(lastRowID)
        writer.byte((lastScore == nil ? 0 : 1) | (lastPostedAt == nil ? 0 : 2) | (statistics == nil ? 0 : 4))
        if let lastScore { writer.double(lastScore) }
        if let lastPostedAt { writer.integer(lastPostedAt) }
        if let statistics {
            writer.integer(Int64(statistics.documentCount))
            writer.integer(Int64(statistics.averageLengths.count))
            for length in statistics.averageLengths { writer.double(length) }
            writer.integer(Int64(statistics.documentFrequencies.count))
            for (term, frequencies) in statistics.documentFrequencies.sorted(by: { $0.key < $1.key }) {
                writer.text(term)
                writer.integer(Int64(frequencies.count))
                for frequency in frequencies { writer.integer(Int64(frequency)) }
            }
        }
        return writer.bytes
    }

    /// The cursor in `payload`, or nil when it is not one this version wrote.
    private static func read(_ payload: [UInt8]) -> SearchCursor? {
        var reader = CursorReader(payload)
        guard reader.byte() == version, let horizon = reader.integer(), let lastRowID = reader.integer(),
              let flags = reader.byte(), flags < 8 else { return nil }
        var cursor = SearchCursor(horizon: horizon, lastRowID: lastRowID)
        if flags & 1 != 0 { guard let score = reader.double() else { return nil }; cursor.lastScore = score }
        if flags & 2 != 0 { guard let posted = reader.integer() else { return nil }; cursor.lastPostedAt = posted }
        if flags & 4 != 0 {
            guard let documents = reader.integer(), let fieldCount = reader.count(atMost: SearchField.allCases.count) else { return nil }
            var lengths: [Double] = []
            for _ in 0..<fieldCount { guard let length = reader.double() else { return nil }; lengths.append(length) }
            guard fieldCount == SearchField.allCases.count, let termCount = reader.count(atMost: payload.count) else { return nil }
            var frequencies: [String: [Int]] = [:]
            for _ in 0..<termCount {
                guard let term = reader.text(), let count = reader.count(atMost: SearchField.allCases.count) else { return nil }
                var perField: [Int] = []
                for _ in 0..<count { guard let value = reader.integer() else { return nil }; perField.append(Int(value)) }
                frequencies[term] = perField
            }
            cursor.statistics = ScoringStatistics(documentCount: Int(documents), averageLengths: lengths, documentFrequencies: frequencies)
        }
        return reader.isAtEnd ? cursor : nil
    }

    init(horizon: Int64, statistics: ScoringStatistics? = nil, lastScore: Double? = nil, lastPostedAt: Int64? = nil, lastRowID: Int64) {
        self.horizon = horizon
        self.statistics = statistics
        self.lastScore = lastScore
        self.lastPostedAt = lastPostedAt
        self.lastRowID = lastRowID
    }

    /// Throws a 400 problem naming `cursor` when the text is not a cursor of this query.
    static func decode(_ text: String, fingerprint: UInt64) throws -> SearchCursor {
        guard let bytes = Base64URL.decode(text), bytes.count > 8 else { throw invalid("is not a valid cursor") }
        let payload = Array(bytes.prefix(bytes.count - 8))
        let stored = bytes.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard stored == checksum(payload, fingerprint) else {
            throw invalid("does not belong to this query (it was changed, or the filters differ from the first page)")
        }
        guard let cursor = read(payload) else { throw invalid("is no longer valid; start again from the first page") }
        return cursor
    }

    private static func invalid(_ message: String) -> DomainError {
        .badRequest("The cursor cannot be used.", fieldErrors: [FieldError(field: "cursor", message: message)])
    }

    /// FNV-1a over the payload, seeded with the query fingerprint: detects edits and reuse across queries.
    static func checksum(_ payload: [UInt8], _ fingerprint: UInt64) -> UInt64 {
        var hash = FNV1a(seed: fingerprint)
        hash.add(payload)
        return hash.value
    }

    /// A stable hash of everything in a query that decides its results, except the page.
    static func fingerprint(_ parts: [String]) -> UInt64 {
        var hash = FNV1a()
        for part in parts {
            hash.add(part.utf8)
            hash.add(0x1F)
        }
        return hash.value
    }
}
