/// Splits text into words on UTF-8 bytes, with a fast path for ASCII.
///
/// A word is a run of letters and digits (any script). Programming-language names keep their marks:
/// "C++", "C#" and "F#" stay whole; "node.js" and "full-stack" are reported as parts joined to the
/// previous word, so the analyzer can index both the parts and the joined form.
struct Tokenizer {
    func tokens(in text: String) -> [RawToken] {
        var copy = text
        return copy.withUTF8 { tokens(in: $0) }
    }

    func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [RawToken] {
        var result: [RawToken] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let (scalar, length) = Self.decode(bytes, at: index)
            guard Self.isWordScalar(scalar) else { index += length; continue }
            let start = index
            var letters = 0
            var capitals = 0
            var folded: String
            // Fast path: a run of ASCII letters and digits becomes one lowercase string in one go.
            var scan = index
            while scan < count, bytes[scan] < 0x80, Self.isWordByte(bytes[scan]) { scan += 1 }
            if scan == count || bytes[scan] < 0x80 {
                let length = scan - index
                folded = String(unsafeUninitializedCapacity: length) { buffer in
                    for offset in 0..<length {
                        var byte = bytes[index + offset]
                        if byte >= 65, byte <= 90 { byte += 32; capitals += 1; letters += 1 } else if byte >= 97 { letters += 1 }
                        buffer[offset] = byte
                    }
                    return length
                }
                index = scan
            } else {
                folded = ""
                while index < count {
                    let (next, nextLength) = Self.decode(bytes, at: index)
                    guard Self.isWordScalar(next) else { break }
                    if next.isASCII {
                        var byte = UInt8(truncatingIfNeeded: next.value)
                        if byte >= 65, byte <= 90 { byte += 32; capitals += 1; letters += 1 }
                        else if byte >= 97 { letters += 1 }
                        folded.unicodeScalars.append(Unicode.Scalar(byte))
                    } else {
                        if next.properties.isUppercase { capitals += 1 }
                        if next.properties.isAlphabetic { letters += 1 }
                        folded += TextFolding.fold(next)
                    }
                    index += nextLength
                }
            }
            var end = index
            // "C++", "C#", "F#": a short word directly followed by the marks, then a non-word character.
            if letters <= 2, letters == folded.utf8.count {
                for suffix in [[UInt8(ascii: "+"), UInt8(ascii: "+")], [UInt8(ascii: "#")]]
                where Self.matches(bytes, at: end, suffix) {
                    let after = end + suffix.count
                    if after >= count || !Self.isWordScalar(Self.decode(bytes, at: after).0) {
                        folded += String(decoding: suffix, as: UTF8.self)
                        end = after
                        index = after
                        break
                    }
                }
            }
            let previousByte: UInt8? = start > 0 ? bytes[start - 1] : nil
            let beforePrevious: UInt8? = start > 1 ? bytes[start - 2] : nil
            let joined = (previousByte == UInt8(ascii: "-") || previousByte == UInt8(ascii: "."))
                && result.last?.end == start - 1
            let leadingDot = previousByte == UInt8(ascii: ".") && !joined
                && (beforePrevious.map { !Self.isWordByte($0) } ?? true)
            if folded.isEmpty { continue }
            result.append(RawToken(
                text: folded, start: start, end: end, isAcronym: capitals >= 2 && capitals == letters,
                joinsPrevious: joined, hasLeadingDot: leadingDot
            ))
        }
        return result
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

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
