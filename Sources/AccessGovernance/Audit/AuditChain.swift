import Crypto
import Domain
import Foundation

/// How entries are sealed into the chain; pure functions, the same in every process and every backend.
///
/// `contentHash` is the lower-case hex SHA-256 of the UTF-8 bytes of one canonical JSON object (see
/// `CanonicalJSON`), so anyone can recompute it with the entry in hand:
///
///     {"action":…,"actor":…,"at":<epoch ms>,"details":<canonical JSON>,"previous_hash":…,"sequence":<n>,"subject":…}
///
/// Because `previous_hash` is inside what is hashed, each entry vouches for the one before it.
public enum AuditChain {
    /// The previous hash of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The entry `event` becomes at `sequence`, logged at `at` (kept to the millisecond) after the entry
    /// whose content hash is `previousHash`.
    public static func seal(_ event: AuditEvent, sequence: Int64, at: Date, previousHash: String) -> AuditEntry {
        var entry = AuditEntry(
            sequence: sequence, at: AuditMilliseconds.date(AuditMilliseconds.of(at)), action: event.action, actor: event.actor,
            subject: event.subject, details: event.details, previousHash: previousHash, contentHash: ""
        )
        entry.contentHash = contentHash(of: entry)
        return entry
    }

    /// The hash `entry` should carry for what it holds now (its own `contentHash` is not part of it).
    public static func contentHash(of entry: AuditEntry) -> String {
        hex(SHA256.hash(data: Data(canonicalContent(of: entry).utf8)))
    }

    /// The text the content hash covers.
    static func canonicalContent(of entry: AuditEntry) -> String {
        var text = "{\"action\":"
        CanonicalJSON.write(string: entry.action, into: &text)
        text += ",\"actor\":"
        CanonicalJSON.write(string: entry.actor, into: &text)
        text += ",\"at\":\(entry.atMilliseconds),\"details\":"
        CanonicalJSON.write(entry.details, into: &text)
        text += ",\"previous_hash\":"
        CanonicalJSON.write(string: entry.previousHash, into: &text)
        text += ",\"sequence\":\(entry.sequence),\"subject\":"
        CanonicalJSON.write(string: entry.subject, into: &text)
        return text + "}"
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
