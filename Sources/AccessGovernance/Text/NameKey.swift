import Foundation

/// The form names are compared in: lowercase, accents dropped, and everything but letters and digits
/// removed, so "Read-Only", "read only" and "READONLY" are one key and "Chloé" is "chloe".
///
/// Only marks are dropped: letters of other scripts stay what they are, so a Cyrillic "О" in "Оkta"
/// never becomes the Latin "o" of "okta".
enum NameKey {
    static func of(_ text: some StringProtocol) -> String {
        var key = String.UnicodeScalarView()
        for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 65 && value <= 90 { key.append(Unicode.Scalar(value + 32)!) }
                else if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) { key.append(scalar) }
            } else if let folded = latinFolds[scalar] {
                key.append(contentsOf: folded.unicodeScalars)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                key.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(key)
    }

    /// Latin letters that carry their accent in their shape, so decomposition leaves them whole:
    /// "Bjørn" is written "Bjorn" as "Chloé" is written "Chloe".
    private static let latinFolds: [Unicode.Scalar: String] = [
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
        "ł": "l", "Ł": "l", "ħ": "h", "Ħ": "h", "ı": "i", "þ": "th", "Þ": "th",
    ]

    /// The words of `text` as keys, in order ("Mary-Jane O'Neil" → ["mary", "jane", "oneil"]).
    static func words(of text: some StringProtocol) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "_" || $0 == "." || $0 == "/" }).map(of).filter { !$0.isEmpty }
    }
}
