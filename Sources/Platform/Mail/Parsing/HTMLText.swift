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

struct HTMLConverter {
    let bytes: [UInt8]
    var output: [UInt8] = []
    var links: [MailLink] = []

    var pendingNewlines = 0
    var pendingSpace = false
    var pendingTab = false
    var pendingMarker: [UInt8] = []
    var preformatted = 0
    var lists: [(ordered: Bool, items: Int)] = []
    var rowCells: [Int] = []
    var openLink: (url: String, start: Int, alt: String)?

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
    static func isPlain(_ byte: UInt8) -> Bool {
        if byte < 0x80 {
            return byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") && !byte.isMailWhitespace && byte != 0x0C
        }
        return byte != 0xC2 && byte != 0xE2 && byte != 0xEF && byte != 0xCD
    }

    /// A no-break space, or an invisible character used as padding (U+00AD, U+034F, U+200B–U+200D,
    /// U+FEFF), with its length in bytes; nil for other characters.
    func specialCharacter(at index: Int) -> (Unicode.Scalar, Int)? {
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
    mutating func character(_ scalar: Unicode.Scalar) {
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

    mutating func whitespace(_ byte: UInt8) {
        guard preformatted > 0 else {
            pendingSpace = true
            return
        }
        beginVisible(literalWhitespace: true)
        output.append(byte == 0x0C ? UInt8(ascii: " ") : byte)
    }

    /// Writes whatever break, tab, space or list marker is due before text that shows.
    mutating func beginVisible(literalWhitespace: Bool = false) {
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

    mutating func lineBreak(_ newlines: Int) {
        pendingNewlines = max(pendingNewlines, newlines)
    }
}
