/// The export format: one entry per line as a JSON object with sorted keys (the fields of
/// `AuditEntry`'s `Codable` form), each line ending in a newline. Another tool can read it line by line
/// and recompute every hash from it.
public enum AuditJSONLines {
    public static func encode(_ entries: [AuditEntry]) -> String {
        var output = ""
        for entry in entries {
            output += "{\"action\":"
            CanonicalJSON.write(string: entry.action, into: &output)
            output += ",\"actor\":"
            CanonicalJSON.write(string: entry.actor, into: &output)
            output += ",\"at\":"
            CanonicalJSON.write(string: AuditMilliseconds.iso8601(entry.atMilliseconds), into: &output)
            output += ",\"content_hash\":"
            CanonicalJSON.write(string: entry.contentHash, into: &output)
            output += ",\"details\":"
            CanonicalJSON.write(entry.details, into: &output)
            output += ",\"previous_hash\":"
            CanonicalJSON.write(string: entry.previousHash, into: &output)
            output += ",\"sequence\":\(entry.sequence),\"subject\":"
            CanonicalJSON.write(string: entry.subject, into: &output)
            output += "}\n"
        }
        return output
    }
}
