/// What a word written with letters of another script looks like in Latin letters: "Оkta" with a Cyrillic
/// О reads "okta", a fullwidth "Ｏｋｔａ" too. A word whose look-alike is a directory name is a homoglyph
/// (unknown, never matched); a word of another script that looks like nothing in the directory (Chinese,
/// Greek, a fullwidth "Ｈｅｌｌｏ") is only data.
enum Confusables {
    private static let latin: [Unicode.Scalar: Character] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("аеорсухіјѕһԁӏкмтвнгплзь", "aeopcyxijshdlkmtbhrnl3b"),
            ("АВЕКМНОРСТХУЅІЈԌЗ", "abekmhopctxysijg3"),
            // Greek
            ("αοριυκνετχβζηγ", "aopiukvetxbznr"),
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abezhikmnoptyx"),
        ]
        var table: [Unicode.Scalar: Character] = [:]
        for (from, to) in pairs {
            for (scalar, character) in zip(from.unicodeScalars, to) { table[scalar] = character }
        }
        return table
    }()

    /// The word in lowercase Latin letters and digits, or nil when some letter has no Latin look-alike.
    static func skeleton(_ word: String) -> String? {
        var result = ""
        for scalar in word.unicodeScalars {
            var scalar = scalar
            // Fullwidth forms: "Ｏ" is "O".
            if (0xFF01...0xFF5E).contains(scalar.value), let narrow = Unicode.Scalar(scalar.value - 0xFEE0) { scalar = narrow }
            if scalar.isASCII {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { result += String(scalar).lowercased() }
            } else if let look = latin[scalar] {
                result.append(look)
            } else if scalar.properties.isAlphabetic {
                let folded = NameKey.of(String(scalar))
                guard folded.unicodeScalars.allSatisfy(\.isASCII), !folded.isEmpty else { return nil }
                result += folded
            }
        }
        return result.isEmpty ? nil : result
    }
}
