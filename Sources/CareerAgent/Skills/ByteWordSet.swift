/// A small set of ASCII words, asked about spans of a text's UTF-8 bytes without making a String of them.
/// The reading asks its word lists ("but", "however", "skills", "Inc") about many words of every posting
/// it indexes; a `Set<String>` of lowercased copies cost more than finding the skills themselves.
struct ByteWordSet: Sendable {
    /// Words by their length in bytes, lowercased when the set ignores case.
    private let byLength: [[[UInt8]]]
    private let ignoresCase: Bool

    init(_ words: [String], ignoringCase: Bool = true) {
        let encoded = words.map { Array((ignoringCase ? $0.lowercased() : $0).utf8) }
        var byLength = [[[UInt8]]](repeating: [], count: (encoded.map(\.count).max() ?? 0) + 1)
        for word in encoded { byLength[word.count].append(word) }
        self.byLength = byLength
        ignoresCase = ignoringCase
    }

    /// Whether `bytes[start..<end]` is one of the words (ASCII capitals matching small letters when the set ignores case).
    func contains(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        let length = end - start
        guard length > 0, length < byLength.count else { return false }
        candidates: for word in byLength[length] {
            for offset in 0..<length {
                var byte = bytes[start + offset]
                if ignoresCase, byte >= 65, byte <= 90 { byte |= 0x20 }
                if byte != word[offset] { continue candidates }
            }
            return true
        }
        return false
    }
}

extension Array where Element == UInt8 {
    /// Whether `self[range]` holds `needle` anywhere.
    func contains(_ needle: [UInt8], within range: Range<Int>) -> Bool {
        guard let first = needle.first, range.count >= needle.count else { return false }
        var position = range.lowerBound
        let last = range.upperBound - needle.count
        while position <= last {
            if self[position] == first {
                var offset = 1
                while offset < needle.count, self[position + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            position += 1
        }
        return false
    }
}
