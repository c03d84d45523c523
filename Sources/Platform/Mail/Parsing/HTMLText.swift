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
///
/// It is one pass over the bytes with no regular expressions, since it runs on every HTML message.
struct HTMLText {
    var text: String
    var links: [MailLink]

    init(html: String) {
        var converter = HTMLConverter(Array(html.utf8))
        converter.run()
        text = converter.finishedText()
        links = converter.links
    }
}

private struct HTMLConverter {
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
                    character(reference.character)
                    index = reference.end
                } else {
                    beginVisible()
                    output.append(byte)
                    index += 1
                }
            } else if byte.isMailWhitespace || byte == 0x0C {
                whitespace(byte)
                index += 1
            } else if byte >= 0x80, let (special, length) = specialCharacter(at: index) {
                character(special)
                index += length
            } else {
                var end = index + 1
                while end < count, Self.isPlain(bytes[end]) { end += 1 }
                beginVisible()
                output += bytes[index..<end]
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

    /// Bytes that are text as they are: not markup, not whitespace, and not the lead byte of a
    /// character `specialCharacter` handles.
    private static func isPlain(_ byte: UInt8) -> Bool {
        if byte < 0x80 {
            return byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") && !byte.isMailWhitespace && byte != 0x0C
        }
        return byte != 0xC2 && byte != 0xE2 && byte != 0xEF && byte != 0xCD
    }

    /// A no-break space, or an invisible character used as padding (U+00AD, U+034F, U+200B–U+200D,
    /// U+FEFF), with its length in bytes; nil for other characters.
    private func specialCharacter(at index: Int) -> (Unicode.Scalar, Int)? {
        func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch (bytes[index], byte(1), byte(2)) {
        case (0xC2, 0xA0, _): return ("\u{A0}", 2)
        case (0xC2, 0xAD, _): return ("\u{AD}", 2)
        case (0xCD, 0x8F, _): return ("\u{34F}", 2)
        case (0xE2, 0x80, 0x8B): return ("\u{200B}", 3)
        case (0xE2, 0x80, 0x8C): return ("\u{200C}", 3)
        case (0xE2, 0x80, 0x8D): return ("\u{200D}", 3)
        case (0xEF, 0xBB, 0xBF): return ("\u{FEFF}", 3)
        default: return nil
        }
    }

    /// One character from a reference or a special byte sequence: no-break spaces collapse like
    /// spaces, padding characters vanish.
    private mutating func character(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D:
            whitespace(UInt8(scalar.value))
        case 0xA0:
            if preformatted > 0 { whitespace(UInt8(ascii: " ")) } else { pendingSpace = true }
        case 0xAD, 0x34F, 0x200B...0x200D, 0xFEFF:
            break
        default:
            beginVisible()
            UTF8.encode(scalar) { output.append($0) }
        }
    }

    private mutating func whitespace(_ byte: UInt8) {
        guard preformatted > 0 else {
            pendingSpace = true
            return
        }
        beginVisible(literalWhitespace: true)
        output.append(byte == 0x0C ? UInt8(ascii: " ") : byte)
    }

    /// Writes whatever break, tab, space or list marker is due before text that shows.
    private mutating func beginVisible(literalWhitespace: Bool = false) {
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
            if matches(Self.commentOpen, at: start) {
                // From the comment's own dashes, so `<!-->` is an empty comment, as browsers read it.
                return (find(Self.commentClose, from: start + 2) ?? bytes.count - 3) + 3
            }
            return (find(Self.tagClose, from: start) ?? bytes.count - 1) + 1
        }
        if next == UInt8(ascii: "?") {
            return (find(Self.tagClose, from: start) ?? bytes.count - 1) + 1
        }
        let closing = next == UInt8(ascii: "/")
        let nameStart = closing ? start + 2 : start + 1
        guard nameStart < bytes.count, Self.isLetter(bytes[nameStart]) else {
            beginVisible()
            output.append(UInt8(ascii: "<"))
            return start + 1
        }
        let tag = Tag(bytes, nameStart: nameStart)
        let kind = tag.name.flatMap(Self.kind) ?? .inline
        if closing {
            endTag(kind)
        } else {
            if let skipTo = startTag(tag, kind) { return skipTo }
        }
        return tag.end
    }

    /// Handles a start tag; returns where reading continues when the element's content is skipped.
    private mutating func startTag(_ tag: Tag, _ kind: TagKind) -> Int? {
        if kind == .hidden, !tag.selfClosing {
            // Like a browser, an unclosed script or style runs to the end.
            return skipElement(tag, nested: false) ?? bytes.count
        }
        if !kind.isVoid, !tag.selfClosing, tag.hasAttributes, let style = tag.attribute(Self.styleName, in: bytes), Self.hides(style),
           let end = skipElement(tag, nested: true) {
            return end
        }
        switch kind {
        case .lineBreak:
            if !output.isEmpty { pendingNewlines += 1 }
        case .paragraph, .rule:
            lineBreak(2)
        case .preformatted:
            lineBreak(2)
            preformatted += 1
        case .list(let ordered):
            lineBreak(1)
            lists.append((ordered, 0))
        case .listItem:
            lineBreak(1)
            if lists.isEmpty { lists.append((false, 0)) }
            lists[lists.count - 1].items += 1
            let list = lists[lists.count - 1]
            pendingMarker = list.ordered ? Array("\(list.items). ".utf8) : Self.bullet
        case .row:
            lineBreak(1)
            rowCells.append(0)
        case .cell:
            if let cells = rowCells.last {
                if cells > 0, pendingNewlines == 0, output.last != UInt8(ascii: "\n") { pendingTab = true }
                rowCells[rowCells.count - 1] = cells + 1
            }
            pendingSpace = true
        case .link:
            closeLink()
            if let href = tag.attribute(Self.hrefName, in: bytes) {
                let url = HTMLEntities.attributeText(href)
                if !url.isEmpty { openLink = (url, output.count, "") }
            }
        case .image:
            if openLink?.alt.isEmpty == true, let alt = tag.attribute(Self.altName, in: bytes) {
                openLink?.alt = HTMLEntities.attributeText(alt)
            }
        case .block:
            lineBreak(1)
        case .hidden, .void, .inline:
            break
        }
        return nil
    }

    private mutating func endTag(_ kind: TagKind) {
        switch kind {
        case .paragraph:
            lineBreak(2)
        case .preformatted:
            lineBreak(2)
            preformatted = max(0, preformatted - 1)
        case .list:
            lineBreak(1)
            if !lists.isEmpty { lists.removeLast() }
        case .row:
            lineBreak(1)
            if !rowCells.isEmpty { rowCells.removeLast() }
        case .cell:
            pendingSpace = true
        case .link:
            closeLink()
        case .block:
            lineBreak(1)
        case .lineBreak, .rule, .listItem, .image, .hidden, .void, .inline:
            break
        }
    }

    private mutating func closeLink() {
        guard let link = openLink else { return }
        openLink = nil
        var text = Self.collapsed(output[min(link.start, output.count)...])
        if text.isEmpty { text = Self.collapsed(Array(link.alt.utf8)[...]) }
        links.append(MailLink(text: text, url: link.url))
    }

    /// Where the element that `tag` starts ends: after its end tag, counting nested elements of the
    /// same name when `nested` (a hidden `<div>` holding more `<div>`s). Nil when it is never closed.
    private func skipElement(_ tag: Tag, nested: Bool) -> Int? {
        let nameBytes = Array(bytes[tag.nameRange])
        var depth = 1
        var index = tag.end
        while index < bytes.count {
            guard let open = find(Self.tagOpen, from: index) else { return nil }
            let closing = open + 1 < bytes.count && bytes[open + 1] == UInt8(ascii: "/")
            let nameStart = closing ? open + 2 : open + 1
            if matchesName(nameBytes, at: nameStart) {
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
        return nil
    }

    private func matchesName(_ name: [UInt8], at start: Int) -> Bool {
        guard start + name.count <= bytes.count else { return false }
        for (offset, byte) in name.enumerated() where bytes[start + offset] | 0x20 != byte | 0x20 { return false }
        let after = start + name.count
        return after >= bytes.count || !(Self.isLetter(bytes[after]) || (bytes[after] >= 48 && bytes[after] <= 57))
    }

    private func matches(_ text: [UInt8], at start: Int) -> Bool {
        guard start + text.count <= bytes.count else { return false }
        for (offset, byte) in text.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    private func find(_ text: [UInt8], from start: Int) -> Int? {
        let first = text[0]
        var index = start
        while index + text.count <= bytes.count {
            if bytes[index] == first, matches(text, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether a style attribute says `display: none`, in any case and spacing.
    private static func hides(_ style: ArraySlice<UInt8>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for byte in style where !byte.isMailWhitespace { compact.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte) }
        let needle = displayNone
        guard compact.count >= needle.count else { return false }
        for start in 0...(compact.count - needle.count) where compact[start] == needle[0] {
            if compact[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Runs of whitespace (and padding characters) as one space, none at either end.
    private static func collapsed(_ bytes: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        var space = false
        for byte in bytes {
            if byte.isMailWhitespace {
                space = true
            } else {
                if space, !result.isEmpty { result.append(UInt8(ascii: " ")) }
                space = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let tagOpen = Array("<".utf8)
    private static let tagClose = Array(">".utf8)
    private static let hrefName = Array("href".utf8)
    private static let altName = Array("alt".utf8)
    private static let styleName = Array("style".utf8)
    private static let displayNone = Array("display:none".utf8)
    private static let bullet = Array("- ".utf8)

    private enum TagKind: Equatable {
        case lineBreak, rule, paragraph, preformatted, list(ordered: Bool), listItem, row, cell, link, image, block
        /// Elements whose content is never shown.
        case hidden
        /// Other elements that have no content.
        case void
        case inline

        /// Elements without content or end tag.
        var isVoid: Bool {
            switch self {
            case .lineBreak, .rule, .image, .void: true
            default: false
            }
        }
    }

    /// Known elements by name, sorted.
    private static let kinds: [(name: TagName, kind: TagKind)] = {
        var kinds: [String: TagKind] = ["br": .lineBreak, "hr": .rule, "pre": .preformatted, "ul": .list(ordered: false), "ol": .list(ordered: true),
                                        "li": .listItem, "tr": .row, "td": .cell, "th": .cell, "a": .link, "img": .image]
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dl"] { kinds[name] = .paragraph }
        for name in ["script", "style", "head", "title", "template", "xml", "noscript"] { kinds[name] = .hidden }
        for name in ["meta", "link", "input", "col", "area", "base", "wbr", "source"] { kinds[name] = .void }
        for name in ["div", "table", "section", "article", "header", "footer", "nav", "main", "aside", "center", "address",
                     "figure", "figcaption", "form", "fieldset", "caption", "dt", "dd", "body", "html", "tbody", "thead", "tfoot"] {
            kinds[name] = .block
        }
        return kinds.map { name, kind in (TagName(Array(name.utf8), 0..<name.utf8.count)!, kind) }.sorted { $0.0 < $1.0 }
    }()

    /// A binary search, which is quicker than hashing for a table this small.
    private static func kind(_ name: TagName) -> TagKind? {
        var low = 0, high = kinds.count
        while low < high {
            let middle = (low + high) / 2
            if kinds[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low < kinds.count && kinds[low].name == name ? kinds[low].kind : nil
    }
}

/// A tag name of up to 16 bytes, lowercased and packed into integers, so telling tags apart needs no
/// String. Longer names are no HTML element's.
private struct TagName: Comparable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    static func < (left: TagName, right: TagName) -> Bool {
        (left.high, left.low) < (right.high, right.low)
    }

    init?(_ bytes: [UInt8], _ range: Range<Int>) {
        guard range.count <= 16 else { return nil }
        for (position, index) in range.enumerated() {
            let byte = bytes[index]
            let lowered = UInt64(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
            if position < 8 { high |= lowered << (8 * UInt64(position)) } else { low |= lowered << (8 * UInt64(position - 8)) }
        }
    }
}

/// A start or end tag: its name, where its attributes lie and the index after its `>`.
private struct Tag {
    var name: TagName?
    var nameRange: Range<Int>
    var attributesStart: Int
    var end: Int
    var selfClosing: Bool
    var hasAttributes: Bool

    init(_ bytes: [UInt8], nameStart: Int) {
        var index = nameStart
        while index < bytes.count, !bytes[index].isMailWhitespace, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        nameRange = nameStart..<index
        name = TagName(bytes, nameRange)
        attributesStart = index
        var quote: UInt8 = 0
        var lastSignificant: UInt8 = 0
        var significantCount = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            if !byte.isMailWhitespace {
                lastSignificant = byte
                significantCount += 1
            }
            index += 1
        }
        selfClosing = lastSignificant == UInt8(ascii: "/")
        hasAttributes = significantCount > (selfClosing ? 1 : 0)
        end = min(index + 1, bytes.count)
    }

    /// The raw value of an attribute (entities not yet decoded), nil when the tag has none of that
    /// name (given in lowercase).
    func attribute(_ wanted: [UInt8], in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var index = attributesStart
        let limit = max(attributesStart, end - 1)
        while index < limit {
            while index < limit, bytes[index].isMailWhitespace || bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < limit, !bytes[index].isMailWhitespace, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let nameEnd = index
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
            if nameEnd - nameStart == wanted.count,
               wanted.indices.allSatisfy({ bytes[nameStart + $0] | 0x20 == wanted[$0] }) {
                return value
            }
            if index == nameStart { index += 1 }
        }
        return nil
    }
}
