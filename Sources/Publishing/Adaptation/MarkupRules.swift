/// Emphasis, escaping and titles in each network's markup. Messages are written in plain text with
/// Markdown emphasis (`**bold**`, `*italic*`); each network gets what it renders.
enum MarkupRules {
    static func render(_ text: String, as markup: ChannelStyle.Markup) -> String {
        switch markup {
        case .plain: return stripEmphasis(text)
        case .markdown: return text
        case .slack:
            let escaped = text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            return escaped.replacing(/\*\*(.+?)\*\*/) { "*\($0.output.1)*" }
        case .linkedin: return linkedIn(stripEmphasis(text))
        }
    }

    static func title(_ title: String, as markup: ChannelStyle.Markup) -> String {
        switch markup {
        case .plain: stripEmphasis(title)
        case .markdown: "**\(title)**"
        case .slack: "*\(render(title, as: .slack))*"
        case .linkedin: linkedIn(stripEmphasis(title))
        }
    }

    static func stripEmphasis(_ text: String) -> String {
        text.replacing(/\*\*(.+?)\*\*/) { String($0.output.1) }.replacing(/(^|[^\w*])\*([^*\s][^*]*?)\*(?![\w*])/) { $0.output.1 + $0.output.2 }
    }

    /// LinkedIn's little text format: reserved characters escaped with a backslash, hashtags in its
    /// hashtag template, and URLs left as they are so that LinkedIn links them.
    static func linkedIn(_ text: String) -> String {
        let reserved: Set<Character> = ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"]
        var result = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if word.hasPrefix("http://") || word.hasPrefix("https://") {
                result += word
            } else if let tag = word.wholeMatch(of: /#(\w+)([.,!?]*)/) {
                result += "{hashtag|\\#|\(tag.output.1)}" + escape(String(tag.output.2), reserved)
            } else {
                result += escape(String(word), reserved)
            }
            result += " "
        }
        return String(result.dropLast())
    }

    private static func escape(_ text: String, _ reserved: Set<Character>) -> String {
        var escaped = ""
        for character in text {
            if reserved.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
