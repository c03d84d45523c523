/// The last entry of the log as someone saw it: its number and content hash. Kept outside the database
/// (a ticket, a report, another system's log), it lets `AuditChain.verify(_:expectedHead:)` notice what the
/// chain alone cannot: entries removed from the end. Written and read as `SEQUENCE:HASH`.
public struct AuditHead: Sendable, Equatable, LosslessStringConvertible {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// Reads `17:3f2a…` (a positive number and a 64-digit hex hash).
    public init?(_ description: String) {
        let parts = description.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence > 0, parts[1].count == 64,
              parts[1].allSatisfy(\.isHexDigit) else { return nil }
        self.init(sequence: sequence, hash: parts[1].lowercased())
    }

    public var description: String { "\(sequence):\(hash)" }
}
