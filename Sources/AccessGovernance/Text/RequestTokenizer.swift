import Foundation

/// Splits a request into words: letters and digits, hyphens and dots split ("Read-Only" is two words,
/// which the readers join again when they compare keys), email addresses stay whole.
enum RequestTokenizer {
    private static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#)

    static func tokens(of text: String) -> [RequestToken] {
        let emails = emailRanges(in: text)
        var tokens: [RequestToken] = []
        var index = text.startIndex
        var sentenceStart = true
        while index < text.endIndex {
            if let emailRange = emails.first(where: { $0.lowerBound == index }) {
                let word = String(text[emailRange])
                tokens.append(RequestToken(text: word, key: word.lowercased(), range: emailRange, isEmail: true, isCapitalized: false,
                                           isUppercase: false, startsSentence: sentenceStart, isPossessive: false, hasForeignLetters: false))
                sentenceStart = false
                index = emailRange.upperBound
                continue
            }
            let character = text[index]
            guard isWordCharacter(character) else {
                if character == "." || character == "!" || character == "?" || character == "\n" || character == ":" { sentenceStart = true }
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex {
                let current = text[end]
                if isWordCharacter(current) { end = text.index(after: end); continue }
                // An apostrophe inside a word ("O'Neil", "Workday's") belongs to it.
                if isApostrophe(current), text.index(after: end) < text.endIndex, text[text.index(after: end)].isLetter {
                    end = text.index(after: end)
                    continue
                }
                break
            }
            tokens.append(token(text, index..<end, startsSentence: sentenceStart))
            sentenceStart = false
            index = end
        }
        return tokens
    }

    private static func token(_ text: String, _ range: Range<String.Index>, startsSentence: Bool) -> RequestToken {
        var word = String(text[range])
        var possessive = false
        for suffix in ["'s", "’s", "'S"] where word.hasSuffix(suffix) && word.count > 3 {
            word.removeLast(2)
            possessive = true
        }
        let letters = word.filter(\.isLetter)
        let foreign = word.unicodeScalars.contains { scalar in
            scalar.properties.isAlphabetic && !scalar.isASCII && !isLatinLetter(scalar)
        }
        return RequestToken(
            text: word, key: NameKey.of(word), range: range, isEmail: false,
            isCapitalized: letters.first?.isUppercase ?? false,
            isUppercase: letters.count >= 2 && letters.allSatisfy(\.isUppercase),
            startsSentence: startsSentence, isPossessive: possessive, hasForeignLetters: foreign
        )
    }

    /// Latin letters with accents (é, ø, ß) are names written in their own language, not homoglyphs.
    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x00C0...0x024F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func isApostrophe(_ character: Character) -> Bool { character == "'" || character == "’" }

    private static func emailRanges(in text: String) -> [Range<String.Index>] {
        let whole = NSRange(text.startIndex..., in: text)
        return email.matches(in: text, range: whole).compactMap { Range($0.range, in: text) }
    }
}
