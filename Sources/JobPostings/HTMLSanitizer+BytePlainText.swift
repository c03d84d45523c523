/// `HTMLSanitizer.plainText` over UTF-8 bytes: `ByteSanitizer`'s tokenizer, which gives up wherever Unicode could
/// make a difference, and the same lines. A provider that sends only HTML (Greenhouse, Ashby) has its
/// description read as text this way: the scalar version cost more than the rest of normalizing a posting.
extension ByteSanitizer {
    static func plainText(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { bytes in
            var reader = ByteSanitizer(bytes)
            reader.makesPlainText = true
            guard reader.run() else { return nil }
            return String(decoding: reader.output, as: UTF8.self)
        }
    }

    /// A block element's tags end the line; an item starts with a bullet, a table cell with a space.
    mutating func breakLines(at tag: Tag) {
        guard let name = tag.name else { return }
        if name.breaksLine { breakLine() }
        guard !tag.closing else { return }
        if name == .li { line.append(contentsOf: "• ".utf8) }
        if name == .td || name == .th { line.append(UInt8(ascii: " ")) }
    }

    /// A text piece with its entities decoded (`HTMLText.decodeEntities`), added to the line.
    mutating func appendDecoded(_ piece: UnsafeBufferPointer<UInt8>, scan: Scan) {
        if scan.entityNeighbour {
            line.append(contentsOf: HTMLText.decodeEntities(String(decoding: piece, as: UTF8.self)).utf8)
        } else if scan.hasAmpersand {
            line.append(contentsOf: Self.decodeEntities(piece))
        } else {
            line.append(contentsOf: piece)
        }
    }

    /// Adds the line, its whitespace collapsed (`HTMLText.collapseWhitespace`), to the output unless it is empty.
    mutating func breakLine() {
        defer { line.removeAll(keepingCapacity: true) }
        let collapsed = Self.collapsingWhitespace(line)
            ?? Array(HTMLText.collapseWhitespace(String(decoding: line, as: UTF8.self)).utf8)
        guard !collapsed.isEmpty else { return }
        if !output.isEmpty { output.append(UInt8(ascii: "\n")) }
        output.append(contentsOf: collapsed)
    }

    /// `HTMLText.collapseWhitespace` over bytes: words split at every White_Space scalar (ASCII or not, "&nbsp;"),
    /// joined by single spaces. Nil when a non-ASCII scalar touches a space: `collapseWhitespace` splits characters,
    /// and a combining mark after a space, or a prepended mark before one, would make it part of a character.
    static func collapsingWhitespace(_ line: [UInt8]) -> [UInt8]? {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(line.count)
        var wordStart = 0
        var index = 0
        var previousIsASCIIOrSpace = true
        while index < line.count {
            let spaceLength = whitespaceLength(line, at: index)
            guard spaceLength > 0 else {
                previousIsASCIIOrSpace = line[index] < 0x80
                index += 1
                continue
            }
            let next = index + spaceLength
            guard previousIsASCIIOrSpace, next == line.count || line[next] < 0x80 || whitespaceLength(line, at: next) > 0
            else { return nil }
            if wordStart < index {
                if !collapsed.isEmpty { collapsed.append(UInt8(ascii: " ")) }
                collapsed.append(contentsOf: line[wordStart..<index])
            }
            index = next
            wordStart = next
            previousIsASCIIOrSpace = true
        }
        if wordStart < line.count {
            if !collapsed.isEmpty { collapsed.append(UInt8(ascii: " ")) }
            collapsed.append(contentsOf: line[wordStart...])
        }
        return collapsed
    }

    /// The bytes of the White_Space scalar starting at `index`, or 0: tab to carriage return, space, U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    static func whitespaceLength(_ line: [UInt8], at index: Int) -> Int {
        let byte = line[index]
        if byte < 0x80 { return isWhitespace(byte) ? 1 : 0 }
        func at(_ offset: Int) -> UInt8 { index + offset < line.count ? line[index + offset] : 0 }
        switch byte {
        case 0xC2: return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0
        case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0
        case 0xE2:
            if at(1) == 0x80, (0x80...0x8A).contains(at(2)) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF { return 3 }
            return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0
        case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }
}

extension KnownTag {
    /// Ends a line of `HTMLSanitizer.plainText` (`HTMLSanitizer.blockTags`).
    var breaksLine: Bool {
        switch self {
        case .p, .br, .li, .ul, .ol, .div, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .hr, .tr, .table: true
        default: false
        }
    }
}
