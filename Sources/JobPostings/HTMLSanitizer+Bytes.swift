import Foundation

/// `HTMLSanitizer.sanitize` over UTF-8 bytes: the same tokenizer and the same output, without
/// building an array of scalars, a dictionary of attributes and a string per piece.
///
/// The scalar version decides a few things by Unicode properties and by grapheme clusters (a `&`
/// followed by a combining mark is not a `&` to `Character` comparisons). This one reads ASCII
/// markup only and gives up (returns nil, and the caller runs the scalar version) whenever that
/// could differ: a non-ASCII byte inside a tag or right after a tag name to skip, or next to one of
/// `& ; < > " '` in text.
struct ByteSanitizer {
    let bytes: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    var open: [KnownTag] = []
    /// Set by `plainText`: text and tags make lines of plain text instead of safe HTML.
    var makesPlainText = false
    /// The plain-text line being read (`makesPlainText`).
    var line: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count + bytes.count / 8)
    }

    static func sanitize(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { bytes in
            var sanitizer = ByteSanitizer(bytes)
            guard sanitizer.run() else { return nil }
            return String(decoding: sanitizer.output, as: UTF8.self)
        }
    }

    struct Tag {
        var name: KnownTag?
        var closing: Bool
        var selfClosing: Bool
        var href: String?
    }

    /// Mirrors `HTMLTokenizer.pieces()` feeding `HTMLSanitizer.sanitize`.
    mutating func run() -> Bool {
        let count = bytes.count
        var index = 0
        var textStart = 0
        while index < count {
            guard let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if startsWith("<!--", at: index) {
                guard text(textStart..<index) else { return false }
                index = find("-->", from: index + 4).map { $0 + 3 } ?? count
                textStart = index
            } else if startsWith("<!", at: index) || startsWith("<?", at: index) {
                guard text(textStart..<index) else { return false }
                index = find(">", from: index).map { $0 + 1 } ?? count
                textStart = index
            } else {
                var tag = Tag(name: nil, closing: false, selfClosing: false)
                switch readTag(at: index, into: &tag) {
                case .bail:
                    return false
                case .notATag:
                    index += 1
                case .tag(let next):
                    guard text(textStart..<index) else { return false }
                    index = next
                    if !tag.closing, let name = tag.name, name.isDroppedWithContent {
                        if !tag.selfClosing {
                            guard let after = skipElement(named: name.name, from: index) else { return false }
                            index = after
                        }
                    } else if makesPlainText {
                        breakLines(at: tag)
                    } else {
                        emit(tag)
                    }
                    textStart = index
                }
            }
        }
        guard text(textStart..<count) else { return false }
        if makesPlainText { breakLine() }
        for tag in open.reversed() { closeTag(tag) }
        return true
    }

    // MARK: Output, as HTMLSanitizer.sanitize

    mutating func emit(_ tag: Tag) {
        guard let name = tag.name, name.isAllowed else { return }
        if tag.closing {
            guard !name.isVoid, let index = open.lastIndex(of: name) else { return }
            for name in open[index...].reversed() { closeTag(name) }
            open.removeSubrange(index...)
            return
        }
        if name == .a {
            if let href = tag.href.flatMap(HTMLSanitizer.safeURL) {
                output.append(contentsOf: "<a href=\"".utf8)
                output.append(contentsOf: HTMLText.escape(href).utf8)
                output.append(contentsOf: "\" rel=\"nofollow noopener\">".utf8)
            } else {
                output.append(contentsOf: "<a>".utf8)
            }
        } else {
            output.append(UInt8(ascii: "<"))
            output.append(contentsOf: name.name)
            output.append(UInt8(ascii: ">"))
        }
        if !name.isVoid, !tag.selfClosing { open.append(name) }
    }

    mutating func closeTag(_ name: KnownTag) {
        output.append(contentsOf: "</".utf8)
        output.append(contentsOf: name.name)
        output.append(UInt8(ascii: ">"))
    }

    /// `HTMLText.escape(HTMLText.decodeEntities(text))` for one text piece.
    mutating func text(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        let piece = UnsafeBufferPointer(rebasing: bytes[range])
        let scan = Self.scan(piece)
        if makesPlainText {
            appendDecoded(piece, scan: scan)
            return true
        }
        if scan.entityNeighbour {
            let decoded = HTMLText.decodeEntities(String(decoding: piece, as: UTF8.self))
            output.append(contentsOf: HTMLText.escape(decoded).utf8)
        } else if scan.hasAmpersand {
            let decoded = Self.decodeEntities(piece)
            decoded.withUnsafeBufferPointer { decoded in
                if Self.scan(decoded).escapeNeighbour {
                    output.append(contentsOf: HTMLText.escape(String(decoding: decoded, as: UTF8.self)).utf8)
                } else {
                    appendEscaped(decoded)
                }
            }
        } else if scan.escapeNeighbour {
            output.append(contentsOf: HTMLText.escape(String(decoding: piece, as: UTF8.self)).utf8)
        } else {
            appendEscaped(piece)
        }
        return true
    }

    /// 0: plain ASCII; bit 1: escaped by `HTMLText.escape`; bit 2: `&` or `;`; bit 4: not ASCII.
    static let byteClass: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        if byte >= 0x80 { return 4 }
        switch UInt8(byte) {
        case UInt8(ascii: "&"): return 3
        case UInt8(ascii: ";"): return 2
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return 1
        default: return 0
        }
    }

    struct Scan {
        var hasAmpersand = false
        /// An `&` or `;` next to a non-ASCII byte.
        var entityNeighbour = false
        /// A byte `HTMLText.escape` replaces next to a non-ASCII byte.
        var escapeNeighbour = false
    }

    static func scan(_ text: UnsafeBufferPointer<UInt8>) -> Scan {
        var scan = Scan()
        var previous: UInt8 = 0
        byteClass.withUnsafeBufferPointer { classes in
            for byte in text {
                let current = classes[Int(byte)]
                if current | previous == 0 { continue }
                if current == 3 { scan.hasAmpersand = true }
                if (current == 4 && previous & 3 != 0) || (previous == 4 && current & 3 != 0) {
                    let special = current == 4 ? previous : current
                    if special & 2 != 0 { scan.entityNeighbour = true }
                    if special & 1 != 0 { scan.escapeNeighbour = true }
                }
                previous = current
            }
        }
        return scan
    }

    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        Self.byteClass.withUnsafeBufferPointer { classes in
            for index in text.indices where classes[Int(text[index])] & 1 != 0 {
                let replacement: StaticString
                switch text[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }

    /// `HTMLText.decodeEntities` when no `&` or `;` touches a non-ASCII byte: then every `&` and `;`
    /// is a character of its own, and a name whose 12-character window differs from the 12-byte
    /// one holds a non-ASCII byte or a CR LF, which no reference decodes either way.
    static func decodeEntities(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        while let amp = text[index...].firstIndex(of: UInt8(ascii: "&")) {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<amp]))
            let afterAmp = amp + 1
            let window = text[afterAmp..<min(afterAmp + 12, text.count)]
            if let semicolon = window.firstIndex(of: UInt8(ascii: ";")),
               let decoded = HTMLText.decodeReference(Substring(String(decoding: UnsafeBufferPointer(rebasing: text[afterAmp..<semicolon]), as: UTF8.self))) {
                result.append(contentsOf: decoded.utf8)
                index = semicolon + 1
            } else {
                result.append(UInt8(ascii: "&"))
                index = afterAmp
            }
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: text[index...]))
        return result
    }

    // MARK: Tokenizer, as HTMLTokenizer on ASCII markup

    enum TagOutcome { case tag(next: Int), notATag, bail }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }
    static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
