import Foundation

/// A resume line as its words, without the Markdown that decorates it: resumes are often written in
/// Markdown ("### Engineer — Acme", "*Jan 2021 – Present*", "**Skills:**", "[site](https://…)"), and
/// the readers of titles, dates, headings and contact details read words. Plain-text lines come back
/// trimmed and otherwise unchanged.
enum MarkdownLine {
    static func plain(_ line: String) -> String {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        // ATX headings: "## Experience", "### Engineer — Acme" (a hash with a space after it).
        if text.first == "#" {
            let hashes = text.prefix { $0 == "#" }
            if hashes.count <= 6, text.dropFirst(hashes.count).first == " " { text = text.dropFirst(hashes.count) }
        }
        // A list item's mark stays: the bullet readers look for it.
        var bullet = ""
        if let first = text.first, "*+".contains(first), text.dropFirst().first == " " {
            bullet = String(first) + " "
            text = text.dropFirst(2)
        }
        var plain = String(text)
        if plain.contains("](") { plain = withoutLinkSyntax(plain) }
        // Strong and emphasis marks; a star inside a word or between spaces ("5 * 3") is kept.
        plain = plain.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        plain = withoutEmphasisStars(plain)
        if plain.hasPrefix("_"), plain.hasSuffix("_"), plain.count > 2 { plain = String(plain.dropFirst().dropLast()) }
        return bullet + plain.trimmingCharacters(in: .whitespaces)
    }

    /// "[Portfolio](https://ana.design)" → "Portfolio https://ana.design".
    private static let link = try! NSRegularExpression(pattern: "\\[([^\\]]*)\\]\\(([^)\\s]*)\\)")

    private static func withoutLinkSyntax(_ text: String) -> String {
        let range = NSRange(location: 0, length: (text as NSString).length)
        return link.stringByReplacingMatches(in: text, range: range, withTemplate: "$1 $2")
    }

    /// Removes stars that open a word ("*Jan") or close one ("Present*"), as emphasis does.
    private static func withoutEmphasisStars(_ text: String) -> String {
        guard text.contains("*") else { return text }
        let characters = Array(text)
        var kept = String()
        for (index, character) in characters.enumerated() {
            guard character == "*" else { kept.append(character); continue }
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            let opens = before.isWhitespace && !after.isWhitespace
            let closes = !before.isWhitespace && after.isWhitespace
            if !(opens || closes) { kept.append(character) }
        }
        return kept
    }
}
