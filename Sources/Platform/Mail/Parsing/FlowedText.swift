/// Undoes `format=flowed` (RFC 3676), which Apple Mail and Thunderbird send: a line ending in a
/// space continues on the next line, so paragraphs come out as the sender typed them rather than
/// wrapped at 72 characters.
///
/// Lines are joined only with lines of the same quote depth (`>` markers), the space that
/// space-stuffing put at a line's start is removed, and the signature separator `-- ` stays a line.
/// With `delsp=yes` the trailing space was added by the wrapping and goes too.
enum FlowedText {
    static func unflowed(_ text: String, deletingSpace: Bool) -> String {
        var lines: [String] = []
        var paragraph = ""
        var paragraphDepth = -1
        var flowing = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let depth = raw.prefix { $0 == ">" }.count
            var content = raw.dropFirst(depth)
            if content.first == " " { content = content.dropFirst() }
            if flowing, depth != paragraphDepth {
                lines.append(paragraph)
                flowing = false
            }
            if !flowing {
                paragraph = depth > 0 ? String(repeating: ">", count: depth) + " " : ""
                paragraphDepth = depth
            }
            let isSignatureSeparator = content == "-- "
            flowing = content.hasSuffix(" ") && !isSignatureSeparator
            paragraph += flowing && deletingSpace ? content.dropLast() : content
            if !flowing { lines.append(paragraph) }
        }
        if flowing { lines.append(paragraph) }
        return lines.joined(separator: "\n")
    }
}
