import Foundation

/// Readable text made from an HTML body, and the body's links.
///
/// Mail HTML is mostly layout, so this keeps what a reader sees and drops the rest: no scripts,
/// styles or head, no comments (which also drops Outlook's conditional duplicates), nothing styled
/// `display:none` (preheaders). Block elements and `<br>` break lines, paragraphs and headings leave
/// a blank line, list items get their own lines with a `- ` or `1. ` marker, table cells in a row are
/// separated by a tab. Whitespace collapses as a browser collapses it (except in `<pre>`), invisible
/// padding characters go, and there is never more than one blank line in a row.
///
/// Links keep their visible text with whitespace collapsed (an image-only link takes its image's
/// `alt`), so a button reads as "Join Zoom meeting" next to its URL.
struct HTMLText {
    var text: String
    var links: [MailLink]

    init(html: String) {
        var converter = Converter(Array(html.utf8))
        converter.run()
        text = converter.finishedText()
        links = converter.links
    }
}

private struct Converter {
    let bytes: [UInt8]
    var output: [UInt8] = []
    var links: [MailLink] = []

    private var pendingNewlines = 0
    private var pendingSpace = false
    private var pendingTab = false
    private var pendingMarker: [UInt8] = []
    private var preformatted = 0
    private var lists: [(ordered: Bool, items: Int)] = []
    private var rowCells: [Int] = []
    private var openLink: (url: String, start: Int, alt: String)?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count / 2)
    }

    mutating func run() {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                index = markup(at: index)
            } else if byte == UInt8(ascii: "&") {
                if let reference = HTMLEntities.reference(in: bytes, at: index) {
                    for scalar in reference.text.unicodeScalars { character(scalar) }
                    index = reference.end
                } else {
                    visible(bytes[index..<(index + 1)])
                    index += 1
                }
            } else if byte.isMailWhitespace || byte == 0x0C {
                if preformatted > 0 { visible(bytes[index..<(index + 1)], literalWhitespace: true) } else { pendingSpace = true }
                index += 1
            } else if byte >= 0x80, let (scalar, length) = invisibleOrSpace(at: index) {
                if let scalar { character(scalar) }
                index += length
            } else {
                var end = index + 1
                while end < count, Self.isPlain(bytes[end]) { end += 1 }
                visible(bytes[index..<end])
                index = end
            }
        }
        closeLink()
    }

    /// The text, without trailing spaces on lines, more than one blank line in a row, or blank lines
    /// at either end.
    func finishedText() -> String {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(output.count)
        var newlines = 0
        for byte in output {
            if byte == UInt8(ascii: "\n") {
                while let last = cleaned.last, last.isSpaceOrTab { cleaned.removeLast() }
                newlines += 1
                if newlines <= 2, !cleaned.isEmpty { cleaned.append(byte) }
            } else {
                newlines = 0
                cleaned.append(byte)
            }
        }
        while let last = cleaned.last, last.isMailWhitespace { cleaned.removeLast() }
        return String(decoding: cleaned, as: UTF8.self)
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") && !byte.isMailWhitespace && byte != 0x0C && byte < 0x80
            || (byte >= 0x80 && byte != 0xC2 && byte != 0xE2 && byte != 0xEF && byte != 0xCD)
    }

    /// A no-break space (a space for collapsing) or an invisible character used as padding (dropped):
    /// U+00A0, U+00AD, U+034F, U+200B–U+200D, U+FEFF. Nil for other characters.
    private func invisibleOrSpace(at index: Int) -> (Unicode.Scalar?, Int)? {
        func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch (bytes[index], byte(1), byte(2)) {
        case (0xC2, 0xA0, _): return (" ", 2)
        case (0xC2, 0xAD, _), (0xCD, 0x8F, _): return (nil, 2)
        case (0xE2, 0x80, 0x8B...0x8D), (0xEF, 0xBB, 0xBF): return (nil, 3)
        default: return nil
        }
    }

    /// One character from a reference or a special byte sequence.
    private mutating func character(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0:
            if preformatted > 0, scalar.value != 0xA0 { visible(Array(String(scalar).utf8)[...], literalWhitespace: true) } else { pendingSpace = true }
        case 0xAD, 0x34F, 0x200B...0x200D, 0xFEFF:
            break
        default:
            visible(Array(String(scalar).utf8)[...])
        }
    }

    /// Text that shows, after whatever break, tab, space or list marker is due before it.
    private mutating func visible(_ text: ArraySlice<UInt8>, literalWhitespace: Bool = false) {
        if !output.isEmpty {
            if pendingNewlines > 0 {
                output.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: min(pendingNewlines, 2)))
            } else if pendingTab {
                output.append(UInt8(ascii: "\t"))
            } else if pendingSpace, !literalWhitespace, output.last != UInt8(ascii: "\n") {
                output.append(UInt8(ascii: " "))
            }
        }
        pendingNewlines = 0
        pendingTab = false
        pendingSpace = false
        if !pendingMarker.isEmpty {
            output += pendingMarker
            pendingMarker = []
        }
        output += text
    }

    private mutating func lineBreak(_ newlines: Int) {
        pendingNewlines = max(pendingNewlines, newlines)
    }

    // MARK: Markup

    /// Handles the comment, declaration or tag at `start` (a `<`) and returns the index after it. A `<`
    /// that starts none of these is text.
    private mutating func markup(at start: Int) -> Int {
        let next = start + 1 < bytes.count ? bytes[start + 1] : 0
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: start) {
                return (find("-->", from: start + 4) ?? bytes.count - 3) + 3
            }
            return (find(">", from: start) ?? bytes.count - 1) + 1
        }
        if next == UInt8(ascii: "?") {
            return (find(">", from: start) ?? bytes.count - 1) + 1
        }
        let closing = next == UInt8(ascii: "/")
        let nameStart = closing ? start + 2 : start + 1
        guard nameStart < bytes.count, Self.isLetter(bytes[nameStart]) else {
            visible(bytes[start..<(start + 1)])
            return start + 1
        }
        var tag = Tag(bytes, nameStart: nameStart)
        if closing {
            endTag(tag.name)
            return tag.end
        }
        return startTag(&tag)
    }

    private mutating func startTag(_ tag: inout Tag) -> Int {
        let name = tag.name
        if Self.hiddenContent.contains(name), !tag.selfClosing {
            return skipElement(name, from: tag.end, nested: false)
        }
        if !tag.selfClosing, !Self.voidElements.contains(name), let style = tag.attribute("style", in: bytes),
           Self.hides(style) {
            return skipElement(name, from: tag.end, nested: true)
        }
        switch name {
        case "br":
            if !output.isEmpty { pendingNewlines += 1 }
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "dl":
            lineBreak(2)
        case "pre":
            lineBreak(2)
            preformatted += 1
        case "ul", "ol":
            lineBreak(1)
            lists.append((name == "ol", 0))
        case "li":
            lineBreak(1)
            if lists.isEmpty { lists.append((false, 0)) }
            lists[lists.count - 1].items += 1
            let list = lists[lists.count - 1]
            pendingMarker = Array((list.ordered ? "\(list.items). " : "- ").utf8)
        case "tr":
            lineBreak(1)
            rowCells.append(0)
        case "td", "th":
            if let cells = rowCells.last {
                if cells > 0, pendingNewlines == 0, output.last != UInt8(ascii: "\n") { pendingTab = true }
                rowCells[rowCells.count - 1] = cells + 1
            }
            pendingSpace = true
        case "a":
            closeLink()
            if let href = tag.attribute("href", in: bytes) {
                let url = HTMLEntities.decode(String(decoding: href, as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
                if !url.isEmpty { openLink = (url, output.count, "") }
            }
        case "img":
            if openLink != nil, let alt = tag.attribute("alt", in: bytes), openLink?.alt.isEmpty == true {
                openLink?.alt = HTMLEntities.decode(String(decoding: alt, as: UTF8.self))
            }
        default:
            if Self.lineElements.contains(name) { lineBreak(1) }
        }
        return tag.end
    }

    private mutating func endTag(_ name: String) {
        switch name {
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dl":
            lineBreak(2)
        case "pre":
            lineBreak(2)
            preformatted = max(0, preformatted - 1)
        case "ul", "ol":
            lineBreak(1)
            if !lists.isEmpty { lists.removeLast() }
        case "tr":
            lineBreak(1)
            if !rowCells.isEmpty { rowCells.removeLast() }
        case "td", "th":
            pendingSpace = true
        case "a":
            closeLink()
        default:
            if Self.lineElements.contains(name) { lineBreak(1) }
        }
    }

    private mutating func closeLink() {
        guard let link = openLink else { return }
        openLink = nil
        let start = min(link.start, output.count)
        var text = Self.collapsed(String(decoding: output[start...], as: UTF8.self))
        if text.isEmpty { text = Self.collapsed(link.alt) }
        links.append(MailLink(text: text, url: link.url))
    }

    /// Skips to the end of the element whose start tag ended at `start`: to its end tag, counting
    /// nested elements of the same name when `nested` (a hidden `<div>` holding more `<div>`s).
    private func skipElement(_ name: String, from start: Int, nested: Bool) -> Int {
        var depth = 1
        var index = start
        while index < bytes.count {
            guard let open = find("<", from: index) else { return bytes.count }
            let closing = open + 1 < bytes.count && bytes[open + 1] == UInt8(ascii: "/")
            let nameStart = closing ? open + 2 : open + 1
            if matchesName(name, at: nameStart) {
                let tag = Tag(bytes, nameStart: nameStart)
                if closing {
                    depth -= 1
                    if depth == 0 { return tag.end }
                } else if nested, !tag.selfClosing {
                    depth += 1
                }
                index = tag.end
            } else {
                index = open + 1
            }
        }
        return bytes.count
    }

    private func matchesName(_ name: String, at start: Int) -> Bool {
        var index = start
        for byte in name.utf8 {
            guard index < bytes.count, bytes[index] | 0x20 == byte | 0x20 else { return false }
            index += 1
        }
        return index >= bytes.count || !(Self.isLetter(bytes[index]) || (bytes[index] >= 48 && bytes[index] <= 57))
    }

    private func matches(_ text: String, at start: Int) -> Bool {
        var index = start
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func find(_ text: String, from start: Int) -> Int? {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, matches(text, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func hides(_ style: ArraySlice<UInt8>) -> Bool {
        let compact = style.filter { !$0.isMailWhitespace }.map { $0 | 0x20 }
        let needle = Array("display:none".utf8)
        guard compact.count >= needle.count else { return false }
        for start in 0...(compact.count - needle.count) where compact[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{200C}" || $0 == "\u{FEFF}" }).joined(separator: " ")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Elements whose content is never shown.
    private static let hiddenContent: Set<String> = ["script", "style", "head", "title", "template", "xml", "noscript"]
    private static let voidElements: Set<String> = ["br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"]
    private static let lineElements: Set<String> = [
        "div", "table", "section", "article", "header", "footer", "nav", "main", "aside", "center", "address",
        "figure", "figcaption", "form", "fieldset", "caption", "dt", "dd", "body", "html", "tbody", "thead", "tfoot",
    ]
}

/// A start or end tag: its lowercased name, where its attributes lie and the index after its `>`.
private struct Tag {
    var name: String
    var attributesStart: Int
    var end: Int
    var selfClosing: Bool

    init(_ bytes: [UInt8], nameStart: Int) {
        var index = nameStart
        var nameBytes: [UInt8] = []
        while index < bytes.count, !bytes[index].isMailWhitespace, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            let byte = bytes[index]
            nameBytes.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
            index += 1
        }
        name = String(decoding: nameBytes, as: UTF8.self)
        attributesStart = index
        var quote: UInt8 = 0
        var lastSignificant: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            if !byte.isMailWhitespace { lastSignificant = byte }
            index += 1
        }
        selfClosing = lastSignificant == UInt8(ascii: "/")
        end = min(index + 1, bytes.count)
    }

    /// The raw value of an attribute (entities not yet decoded), nil when the tag has none of that name.
    func attribute(_ wanted: String, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        let wantedBytes = Array(wanted.utf8)
        var index = attributesStart
        let limit = max(attributesStart, end - 1)
        while index < limit {
            while index < limit, bytes[index].isMailWhitespace || bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < limit, !bytes[index].isMailWhitespace, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let nameBytes = bytes[nameStart..<index]
            while index < limit, bytes[index].isMailWhitespace { index += 1 }
            var value: ArraySlice<UInt8> = []
            if index < limit, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < limit, bytes[index].isMailWhitespace { index += 1 }
                if index < limit, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < limit, bytes[index] != quote { index += 1 }
                    value = bytes[valueStart..<index]
                    index += 1
                } else {
                    let valueStart = index
                    while index < limit, !bytes[index].isMailWhitespace { index += 1 }
                    value = bytes[valueStart..<index]
                }
            }
            if nameBytes.count == wantedBytes.count, zip(nameBytes, wantedBytes).allSatisfy({ $0 | 0x20 == $1 }) {
                return value
            }
            if index == nameStart { index += 1 }
        }
        return nil
    }
}
