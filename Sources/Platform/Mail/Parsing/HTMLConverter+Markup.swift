import Foundation

/// The converter's handling of markup: comments, tags, the elements they open and close, links.
extension HTMLConverter {
    /// Handles the comment, declaration or tag at `start` (a `<`) and returns the index after it. A `<`
    /// that starts none of these is text.
    mutating func markup(at start: Int) -> Int {
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
        let tag = HTMLTag(bytes, nameStart: nameStart)
        let kind = tag.name.flatMap(Self.kind) ?? .inline
        if closing {
            endTag(kind)
        } else {
            if let skipTo = startTag(tag, kind) { return skipTo }
        }
        return tag.end
    }

    /// Handles a start tag; returns where reading continues when the element's content is skipped.
    mutating func startTag(_ tag: HTMLTag, _ kind: TagKind) -> Int? {
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

    mutating func endTag(_ kind: TagKind) {
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

    mutating func closeLink() {
        guard let link = openLink else { return }
        openLink = nil
        var text = Self.collapsed(output[min(link.start, output.count)...])
        if text.isEmpty { text = Self.collapsed(Array(link.alt.utf8)[...]) }
        links.append(MailLink(text: text, url: link.url))
    }

    /// Where the element that `tag` starts ends: after its end tag, counting nested elements of the
    /// same name when `nested` (a hidden `<div>` holding more `<div>`s). Nil when it is never closed.
    func skipElement(_ tag: HTMLTag, nested: Bool) -> Int? {
        let nameBytes = Array(bytes[tag.nameRange])
        var depth = 1
        var index = tag.end
        while index < bytes.count {
            guard let open = find(Self.tagOpen, from: index) else { return nil }
            let closing = open + 1 < bytes.count && bytes[open + 1] == UInt8(ascii: "/")
            let nameStart = closing ? open + 2 : open + 1
            if matchesName(nameBytes, at: nameStart) {
                let tag = HTMLTag(bytes, nameStart: nameStart)
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

    func matchesName(_ name: [UInt8], at start: Int) -> Bool {
        guard start + name.count <= bytes.count else { return false }
        for (offset, byte) in name.enumerated() where bytes[start + offset] | 0x20 != byte | 0x20 { return false }
        let after = start + name.count
        return after >= bytes.count || !(Self.isLetter(bytes[after]) || (bytes[after] >= 48 && bytes[after] <= 57))
    }

    func matches(_ text: [UInt8], at start: Int) -> Bool {
        guard start + text.count <= bytes.count else { return false }
        for (offset, byte) in text.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    func find(_ text: [UInt8], from start: Int) -> Int? {
        let first = text[0]
        var index = start
        while index + text.count <= bytes.count {
            if bytes[index] == first, matches(text, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether a style attribute says `display: none`, in any case and spacing.
    static func hides(_ style: ArraySlice<UInt8>) -> Bool {
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
    static func collapsed(_ bytes: ArraySlice<UInt8>) -> String {
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

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)
    static let tagOpen = Array("<".utf8)
    static let tagClose = Array(">".utf8)
    static let hrefName = Array("href".utf8)
    static let altName = Array("alt".utf8)
    static let styleName = Array("style".utf8)
    static let displayNone = Array("display:none".utf8)
    static let bullet = Array("- ".utf8)

    enum TagKind: Equatable {
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
    static let kinds: [(name: HTMLTagName, kind: TagKind)] = {
        var kinds: [String: TagKind] = ["br": .lineBreak, "hr": .rule, "pre": .preformatted, "ul": .list(ordered: false), "ol": .list(ordered: true),
                                        "li": .listItem, "tr": .row, "td": .cell, "th": .cell, "a": .link, "img": .image]
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dl"] { kinds[name] = .paragraph }
        for name in ["script", "style", "head", "title", "template", "xml", "noscript"] { kinds[name] = .hidden }
        for name in ["meta", "link", "input", "col", "area", "base", "wbr", "source"] { kinds[name] = .void }
        for name in ["div", "table", "section", "article", "header", "footer", "nav", "main", "aside", "center", "address",
                     "figure", "figcaption", "form", "fieldset", "caption", "dt", "dd", "body", "html", "tbody", "thead", "tfoot"] {
            kinds[name] = .block
        }
        return kinds.map { name, kind in (HTMLTagName(Array(name.utf8), 0..<name.utf8.count)!, kind) }.sorted { $0.0 < $1.0 }
    }()

    /// A binary search, which is quicker than hashing for a table this small.
    static func kind(_ name: HTMLTagName) -> TagKind? {
        var low = 0, high = kinds.count
        while low < high {
            let middle = (low + high) / 2
            if kinds[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low < kinds.count && kinds[low].name == name ? kinds[low].kind : nil
    }
}
