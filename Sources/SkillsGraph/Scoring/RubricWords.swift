import Foundation

/// The words of an answer as rubric cues are compared with them: folded to lowercase without
/// accents, with plural, -ing and -ed endings taken off ("indexes", "indexing", "indexed" are
/// "index"), each with its Unicode-scalar offsets in the answer for evidence.
public enum RubricWords {
    public struct Word: Sendable, Equatable {
        public var word: String
        public var start: Int
        public var end: Int
    }

    public static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        func flush() {
            if !current.isEmpty {
                let folded = String(current).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                words.append(Word(word: stem(folded), start: start, end: offset))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "#" {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if scalar == "'" || scalar == "’", !current.isEmpty {
                // "don't" stays one word; a closing quote is dropped with the word's end.
                current.append("'")
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return words.map { word in
            var word = word
            while word.word.hasSuffix("'") { word.word.removeLast() }
            return word
        }.filter { !$0.word.isEmpty }
    }

    /// A light stemmer: enough to meet a cue's word in its common inflections, never so eager that
    /// unrelated words meet ("cache" and "caching" meet; "as" stays "as").
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return word }
        var stem = word
        if stem.hasSuffix("ies"), stem.count > 4 { stem = String(stem.dropLast(3)) + "y" }
        else if stem.hasSuffix("sses") { stem = String(stem.dropLast(2)) }
        else if stem.hasSuffix("xes") || stem.hasSuffix("ches") || stem.hasSuffix("shes") { stem = String(stem.dropLast(2)) }
        else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") { stem = String(stem.dropLast()) }
        if stem.hasSuffix("ing"), stem.count > 5 { stem = String(stem.dropLast(3)) }
        else if stem.hasSuffix("ed"), stem.count > 4 { stem = String(stem.dropLast(2)) }
        // "caching" → "cach", "cached" → "cach", "cache" → "cach": a final e falls too.
        if stem.hasSuffix("e"), stem.count > 3 { stem = String(stem.dropLast()) }
        return stem
    }
}
