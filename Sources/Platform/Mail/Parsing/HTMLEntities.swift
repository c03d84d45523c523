/// HTML character references: numeric (`&#233;`, `&#xE9;`) and the named ones mail actually uses.
///
/// The full HTML list has more than two thousand names; mail uses Latin-1 letters, typographic
/// punctuation and a few symbols, which are these. An unknown name stays as it was written. As
/// browsers do, a few very common names are also recognised without their semicolon (`&nbsp`,
/// `&amp`) unless a letter, digit or `=` follows, which keeps `?a=1&copy=2` in a URL intact.
enum HTMLEntities {
    /// The character of the reference starting at `start` (an `&`) and the index just past it.
    static func reference(in bytes: [UInt8], at start: Int) -> (character: Unicode.Scalar, end: Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < bytes.count, index - digitsStart < 8 {
                let byte = bytes[index]
                if hex, let digit = TransferDecoding.hexDigit(byte) {
                    value = value * 16 + UInt32(digit)
                } else if !hex, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    value = value * 10 + UInt32(byte - UInt8(ascii: "0"))
                } else {
                    break
                }
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            return (numeric(value), index)
        }
        let nameStart = index
        while index < bytes.count, index - nameStart < 32, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let value = named[name], let scalar = Unicode.Scalar(value) else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { return (scalar, index + 1) }
        guard withoutSemicolon.contains(name), index >= bytes.count || bytes[index] != UInt8(ascii: "=") else { return nil }
        return (scalar, index)
    }

    /// An attribute value with every reference decoded and whitespace at either end removed.
    static func attributeText(_ value: ArraySlice<UInt8>) -> String {
        var bytes = value.drop { $0.isMailWhitespace }
        while let last = bytes.last, last.isMailWhitespace { bytes = bytes.dropLast() }
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let source = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "&"), let reference = reference(in: source, at: index) {
                UTF8.encode(reference.character) { output.append($0) }
                index = reference.end
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Windows-1252 meanings for 128–159 (as HTML specifies), U+FFFD for what is no character.
    private static func numeric(_ value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value) { return MailCharset.windows1252Scalar(UInt8(value)) }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static let withoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0,
        "iexcl": 0xA1, "cent": 0xA2, "pound": 0xA3, "curren": 0xA4, "yen": 0xA5, "brvbar": 0xA6, "sect": 0xA7,
        "uml": 0xA8, "copy": 0xA9, "ordf": 0xAA, "laquo": 0xAB, "not": 0xAC, "shy": 0xAD, "reg": 0xAE, "macr": 0xAF,
        "deg": 0xB0, "plusmn": 0xB1, "sup2": 0xB2, "sup3": 0xB3, "acute": 0xB4, "micro": 0xB5, "para": 0xB6,
        "middot": 0xB7, "cedil": 0xB8, "sup1": 0xB9, "ordm": 0xBA, "raquo": 0xBB, "frac14": 0xBC, "frac12": 0xBD,
        "frac34": 0xBE, "iquest": 0xBF,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5, "AElig": 0xC6,
        "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB, "Igrave": 0xCC, "Iacute": 0xCD,
        "Icirc": 0xCE, "Iuml": 0xCF, "ETH": 0xD0, "Ntilde": 0xD1, "Ograve": 0xD2, "Oacute": 0xD3, "Ocirc": 0xD4,
        "Otilde": 0xD5, "Ouml": 0xD6, "times": 0xD7, "Oslash": 0xD8, "Ugrave": 0xD9, "Uacute": 0xDA, "Ucirc": 0xDB,
        "Uuml": 0xDC, "Yacute": 0xDD, "THORN": 0xDE, "szlig": 0xDF,
        "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5, "aelig": 0xE6,
        "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA, "euml": 0xEB, "igrave": 0xEC, "iacute": 0xED,
        "icirc": 0xEE, "iuml": 0xEF, "eth": 0xF0, "ntilde": 0xF1, "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4,
        "otilde": 0xF5, "ouml": 0xF6, "divide": 0xF7, "oslash": 0xF8, "ugrave": 0xF9, "uacute": 0xFA, "ucirc": 0xFB,
        "uuml": 0xFC, "yacute": 0xFD, "thorn": 0xFE, "yuml": 0xFF,
        "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "Zcaron": 0x17D,
        "zcaron": 0x17E, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F,
        "ndash": 0x2013, "mdash": 0x2014, "horbar": 0x2015, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "dagger": 0x2020, "Dagger": 0x2021, "bull": 0x2022,
        "hellip": 0x2026, "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A,
        "oline": 0x203E, "frasl": 0x2044, "euro": 0x20AC, "trade": 0x2122, "larr": 0x2190, "uarr": 0x2191,
        "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194, "rArr": 0x21D2, "minus": 0x2212, "le": 0x2264, "ge": 0x2265,
        "ne": 0x2260, "asymp": 0x2248, "infin": 0x221E, "check": 0x2713, "cross": 0x2717, "star": 0x2606,
        "starf": 0x2605, "hearts": 0x2665, "phone": 0x260E, "loz": 0x25CA, "squ": 0x25A1,
        "Alpha": 0x391, "Beta": 0x392, "alpha": 0x3B1, "beta": 0x3B2, "mu": 0x3BC, "pi": 0x3C0,
        "nbhy": 0x2011, "hyphen": 0x2010, "dash": 0x2010, "NewLine": 0x0A, "Tab": 0x09, "colon": 0x3A,
        "comma": 0x2C, "period": 0x2E, "excl": 0x21, "quest": 0x3F, "num": 0x23, "dollar": 0x24, "percnt": 0x25,
        "lpar": 0x28, "rpar": 0x29, "ast": 0x2A, "plus": 0x2B, "sol": 0x2F, "semi": 0x3B, "equals": 0x3D,
        "commat": 0x40, "lsqb": 0x5B, "rsqb": 0x5D, "lowbar": 0x5F, "grave": 0x60, "lcub": 0x7B, "verbar": 0x7C,
        "rcub": 0x7D, "bsol": 0x5C,
    ]
}
