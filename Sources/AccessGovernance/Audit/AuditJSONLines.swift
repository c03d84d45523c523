/// The export format: one entry per line as a JSON object with sorted keys (the fields of
/// `AuditEntry`'s `Codable` form), each line ending in a newline. Another tool can read it line by line
/// and recompute every hash from it.
public enum AuditJSONLines {
    public static func encode(_ entries: [AuditEntry]) -> String {
        var output = ""
        for entry in entries {
            CanonicalJSON.write(.object([
                "action": .string(entry.action), "actor": .string(entry.actor),
                "at": .string(AuditMilliseconds.iso8601(entry.atMilliseconds)), "content_hash": .string(entry.contentHash),
                "details": entry.details, "previous_hash": .string(entry.previousHash),
                "sequence": .number(Double(entry.sequence)), "subject": .string(entry.subject),
            ]), into: &output)
            output += "\n"
        }
        return output
    }
}
