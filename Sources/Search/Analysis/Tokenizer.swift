/// Splits text into words on UTF-8 bytes, with a fast path for ASCII.
///
/// A word is a run of letters and digits (any script). Programming-language names keep their marks:
/// "C++", "C#" and "F#" stay whole; "node.js" and "full-stack" are reported as parts joined to the
/// previous word, so the analyzer can index both the parts and the joined form.
struct Tokenizer {
    /// Every word as an owned token (query parsing, tests).
    func tokens(in text: String) -> [RawToken] {
        var result: [RawToken] = []
        var copy = text
        copy.withUTF8 { bytes in
            forEachToken(in: bytes) { span, folded in
                result.append(RawToken(
                    text: String(decoding: folded, as: UTF8.self), start: span.start, end: span.end,
                    isAcronym: span.isAcronym, joinsPrevious: span.joinsPrevious, hasLeadingDot: span.hasLeadingDot
                ))
            }
        }
        return result
    }

    /// Calls `body` with every word: where it stands, and its folded text in a buffer that is only
    /// valid during the call (indexing looks words up without making a String of each).
    @inline(__always)
    func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (TokenSpan, UnsafeBufferPointer<UInt8>) -> Void) {
        forEachToken(in: bytes, until: { _ in false }, body)
    }

    /// `forEachToken(in:_:)` that ends early: before each word, `until` is asked with the byte offset
    /// where the word starts (highlighting stops once it has read its snippet).
    @inline(__always)
    func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>, until: (Int) -> Bool, _ body: (TokenSpan, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let count = bytes.count
        // Folding never makes a word much longer than it was ("ß" → "ss"); anything past this is cut.
        let folded = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count * 3 + 8)
        defer { folded.deallocate() }
        var previousEnd = -2
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                guard Self.isWordByte(lead) else { index += 1; continue }
            } else {
                let (scalar, length) = Self.decode(bytes, at: index)
                guard Self.isWordScalar(scalar) else { index += length; continue }
            }
            let start = index
            if until(start) { return }
            var letters = 0
            var capitals = 0
            var length = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard Self.isWordByte(byte) else { break }
                    let isCapital = byte &- 65 < 26
                    folded[length] = isCapital ? byte + 32 : byte
                    length += 1
                    capitals += isCapital ? 1 : 0
                    letters += isCapital || byte >= 97 ? 1 : 0
                    index += 1
                } else {
                    let (scalar, scalarLength) = Self.decode(bytes, at: index)
                    guard Self.isWordScalar(scalar) else { break }
                    if scalar.properties.isUppercase { capitals += 1 }
                    if scalar.properties.isAlphabetic { letters += 1 }
                    for byte in TextFolding.fold(scalar).utf8 where length < folded.count - 2 {
                        folded[length] = byte
                        length += 1
                    }
                    index += scalarLength
                }
            }
            var end = index
            // "C++", "C#", "F#": a short word directly followed by the marks, then a non-word character.
            if letters <= 2, letters == length {
                for suffix in Self.keptSuffixes where Self.matches(bytes, at: end, suffix) {
                    let after = end + suffix.count
                    if after >= count || !Self.isWordScalar(Self.decode(bytes, at: after).0) {
                        for byte in suffix {
                            folded[length] = byte
                            length += 1
                        }
                        end = after
                        index = after
                        break
                    }
                }
            }
            if length == 0 { continue }
            let previousByte: UInt8? = start > 0 ? bytes[start - 1] : nil
            let beforePrevious: UInt8? = start > 1 ? bytes[start - 2] : nil
            let joined = (previousByte == UInt8(ascii: "-") || previousByte == UInt8(ascii: ".")) && previousEnd == start - 1
            let leadingDot = previousByte == UInt8(ascii: ".") && !joined
                && (beforePrevious.map { !Self.isWordByte($0) } ?? true)
            let nextByte: UInt8? = end < count ? bytes[end] : nil
            let span = TokenSpan(start: start, end: end, isAcronym: capitals >= 2 && capitals == letters,
                                 joinsPrevious: joined, hasLeadingDot: leadingDot,
                                 mayBeJoined: nextByte == UInt8(ascii: "-") || nextByte == UInt8(ascii: "."))
            body(span, UnsafeBufferPointer(rebasing: folded[0..<length]))
            previousEnd = end
        }
    }

    private static let keptSuffixes: [[UInt8]] = [[UInt8(ascii: "+"), UInt8(ascii: "+")], [UInt8(ascii: "#")]]

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 0x80
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark
    }

    /// Decodes one scalar; invalid bytes decode as U+FFFD of length 1 so the loop always advances.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
