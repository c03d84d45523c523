import Foundation

/// Case and accent folding: "Zürich" and "ZURICH" both become "zurich", "São" becomes "sao".
enum TextFolding {
    /// Letters that do not decompose into a base letter plus accents but are read as such.
    private static let specialFolds: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŀ": "l",
    ]

    /// Folds one non-ASCII scalar into lowercase text without accents; combining marks fold to nothing.
    static func fold(_ scalar: Unicode.Scalar) -> String {
        if let special = specialFolds[scalar] { return special }
        if scalar.properties.generalCategory == .nonspacingMark { return "" }
        let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        var result = String.UnicodeScalarView()
        for part in decomposed.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
            result.append(part)
        }
        return String(result)
    }

    /// Folds a whole string the same way the analyzer folds tokens (used for keyword filters).
    static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: scalar) | (isUpper(scalar) ? 0x20 : 0)))
            } else {
                result += fold(scalar)
            }
        }
        return result
    }

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) }
}

private extension UInt8 {
    init(ascii scalar: Unicode.Scalar) { self = UInt8(truncatingIfNeeded: scalar.value) }
}
