/// Turns untrusted HTML from providers into HTML that is safe to show, and into plain text.
///
/// It keeps a small allowlist of formatting tags, drops every attribute except a safe `href`
/// on links, and removes `script`, `style` and similar elements together with their content.
/// Everything that is not an allowed tag is re-escaped as text, so malformed markup cannot
/// smuggle anything through.
public struct HTMLSanitizer: Sendable {
    static let allowedTags: Set<String> = [
        "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h1", "h2", "h3", "h4", "h5", "h6",
        "a", "blockquote", "code", "pre", "div", "span", "hr", "table", "thead", "tbody", "tr", "td", "th",
    ]
    /// Elements whose content is never text a reader should see.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "head", "title",
    ]
    static let voidTags: Set<String> = ["br", "hr"]
    static let blockTags: Set<String> = [
        "p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "tr", "table",
    ]

    public init() {}

    /// Safe HTML: allowed tags only, balanced, links limited to http(s) and mailto.
    public func sanitize(_ html: String) -> String {
        ByteSanitizer.sanitize(html) ?? sanitizeScalars(html)
    }

    /// The reference implementation of `sanitize`, over Unicode scalars; the byte version defers to it
    /// whenever Unicode could make a difference.
    func sanitizeScalars(_ html: String) -> String {
        var output = ""
        var open: [String] = []
        for piece in HTMLTokenizer(html).pieces() {
            switch piece {
            case .text(let text):
                output += HTMLText.escape(HTMLText.decodeEntities(text))
            case .startTag(let name, let attributes, let selfClosing):
                guard Self.allowedTags.contains(name) else { continue }
                if name == "a" {
                    if let href = attributes["href"].flatMap(Self.safeURL) {
                        output += "<a href=\"\(HTMLText.escape(href))\" rel=\"nofollow noopener\">"
                    } else {
                        output += "<a>"
                    }
                } else {
                    output += "<\(name)>"
                }
                if !Self.voidTags.contains(name), !selfClosing { open.append(name) }
            case .endTag(let name):
                guard Self.allowedTags.contains(name), !Self.voidTags.contains(name),
                      let index = open.lastIndex(of: name) else { continue }
                for tag in open[index...].reversed() { output += "</\(tag)>" }
                open.removeSubrange(index...)
            }
        }
        for tag in open.reversed() { output += "</\(tag)>" }
        return output
    }

    /// Readable plain text: block elements become line breaks, entities are decoded, runs of spaces collapse.
    public func plainText(_ html: String) -> String {
        ByteSanitizer.plainText(html) ?? plainTextScalars(html)
    }

    /// The reference implementation of `plainText`, over Unicode scalars.
    func plainTextScalars(_ html: String) -> String {
        var lines: [String] = []
        var current = ""
        func breakLine() {
            let line = HTMLText.collapseWhitespace(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        for piece in HTMLTokenizer(html).pieces() {
            switch piece {
            case .text(let text):
                current += HTMLText.decodeEntities(text)
            case .startTag(let name, _, _):
                if Self.blockTags.contains(name) { breakLine() }
                if name == "li" { current += "• " }
                if name == "td" || name == "th" { current += " " }
            case .endTag(let name):
                if Self.blockTags.contains(name) { breakLine() }
            }
        }
        breakLine()
        return lines.joined(separator: "\n")
    }

    /// Accepts absolute http(s) and mailto URLs only; everything else (javascript:, data:, vbscript:) is dropped.
    static func safeURL(_ raw: String) -> String? {
        // Printable ASCII without `&`: nothing to decode or remove, so only the scheme needs a look.
        if raw.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "&") }) {
            return ["http://", "https://", "mailto:"].contains(where: { raw.utf8.hasASCIIPrefix(ignoringCase: $0) }) ? raw : nil
        }
        let decoded = HTMLText.decodeEntities(raw)
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so remove them first.
        let compact = String(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        let lower = compact.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else {
            return nil
        }
        return compact
    }
}

extension String.UTF8View {
    /// Whether the text starts with `prefix` (lowercase ASCII), ignoring the case of ASCII letters.
    func hasASCIIPrefix(ignoringCase prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        var index = startIndex
        for offset in 0..<count {
            guard index != endIndex else { return false }
            var byte = self[index]
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            guard byte == prefix.utf8Start[offset] else { return false }
            index = self.index(after: index)
        }
        return true
    }
}
