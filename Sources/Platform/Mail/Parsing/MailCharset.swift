import Foundation

/// Turns the bytes of a body or an encoded-word into text by the charset the message names.
///
/// Mail often names its charset wrongly or not at all, so text that does not decode as declared is
/// tried as UTF-8 and then as Windows-1252, which decodes any bytes. ISO-8859-1 is read as
/// Windows-1252, as browsers do: its C1 control range is never meant, while the curly quotes and
/// euro sign Windows puts there are common.
enum MailCharset {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = normalized(charset)
        if !bytesNeedCharset(bytes, name) {
            return String(decoding: bytes, as: UTF8.self)
        }
        switch name {
        case "", "utf-8", "utf8", "us-ascii", "ascii", "unknown-8bit", "x-unknown", "unknown", "default":
            break
        case _ where windows1252Names.contains(name):
            return windows1252(bytes)
        default:
            if let encoding = encoding(named: name), let text = String(bytes: bytes, encoding: encoding) {
                return text
            }
        }
        return utf8(bytes) ?? windows1252(bytes)
    }

    /// Strict UTF-8, nil for bytes that are not.
    static func utf8(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Every byte is a character: ASCII, the Windows-1252 letters and punctuation in 0x80–0x9F, and
    /// Latin-1 above.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                UTF8.encode(windows1252Scalar(byte)) { utf8.append($0) }
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? windows1252C1[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Lowercased, without quotes, spaces or an RFC 2231 language (`utf-8*en`).
    static func normalized(_ charset: String?) -> String {
        guard let charset else { return "" }
        var bytes = charset.utf8.drop { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0.isMailWhitespace }
        while let last = bytes.last, last == UInt8(ascii: "\"") || last == UInt8(ascii: "'") || last.isMailWhitespace { bytes = bytes.dropLast() }
        if let star = bytes.firstIndex(of: UInt8(ascii: "*")) { bytes = bytes[..<star] }
        return String(decoding: bytes.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Plain ASCII reads the same in every charset mail uses except the 16-bit ones, UTF-7 and the
    /// ISO-2022 family (which switch with escape sequences).
    private static func bytesNeedCharset(_ bytes: [UInt8], _ name: String) -> Bool {
        if name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name == "utf-7" || name.hasPrefix("ucs-") { return true }
        return bytes.contains { $0 >= 0x80 || $0 == 0x1B }
    }

    static func encoding(named name: String) -> String.Encoding? {
        if let known = encodings[name] { return known }
        // `iso8859-2`, `iso_8859-2`, `latin-2`: spellings of the same names.
        let respelled = name.replacing("_", with: "-").replacing("iso8859", with: "iso-8859")
        return encodings[respelled]
    }

    private static let windows1252Names: Set<String> = [
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
        "windows-1252", "cp1252", "x-cp1252", "cp-1252", "win-1252",
    ]

    /// NSStringEncoding values for the Core Foundation encodings Foundation converts but does not name.
    private static func coreFoundation(_ value: UInt) -> String.Encoding {
        String.Encoding(rawValue: 0x8000_0000 | value)
    }

    private static let encodings: [String: String.Encoding] = [
        "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "latin-2": .isoLatin2, "l2": .isoLatin2,
        "iso-8859-3": coreFoundation(0x0203), "iso-8859-4": coreFoundation(0x0204),
        "iso-8859-5": coreFoundation(0x0205), "iso-8859-6": coreFoundation(0x0206),
        "iso-8859-7": coreFoundation(0x0207), "iso-8859-8": coreFoundation(0x0208), "iso-8859-8-i": coreFoundation(0x0208),
        "iso-8859-9": coreFoundation(0x0209), "latin5": coreFoundation(0x0209),
        "iso-8859-10": coreFoundation(0x020A), "iso-8859-11": coreFoundation(0x020B),
        "iso-8859-13": coreFoundation(0x020D), "iso-8859-14": coreFoundation(0x020E),
        "iso-8859-15": coreFoundation(0x020F), "latin9": coreFoundation(0x020F), "latin-9": coreFoundation(0x020F),
        "iso-8859-16": coreFoundation(0x0210),
        "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250, "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251,
        "windows-1253": .windowsCP1253, "cp1253": .windowsCP1253, "windows-1254": .windowsCP1254, "cp1254": .windowsCP1254,
        "windows-1255": coreFoundation(0x0505), "windows-1256": coreFoundation(0x0506),
        "windows-1257": coreFoundation(0x0507), "windows-1258": coreFoundation(0x0508),
        "koi8-r": coreFoundation(0x0A02), "koi8-u": coreFoundation(0x0A08),
        "shift_jis": .shiftJIS, "shift-jis": .shiftJIS, "sjis": .shiftJIS, "x-sjis": .shiftJIS, "ms_kanji": .shiftJIS,
        "windows-31j": .shiftJIS, "cp932": .shiftJIS,
        "iso-2022-jp": .iso2022JP, "csiso2022jp": .iso2022JP, "euc-jp": .japaneseEUC,
        "gb2312": coreFoundation(0x0632), "gbk": coreFoundation(0x0632), "gb18030": coreFoundation(0x0632),
        "euc-cn": coreFoundation(0x0930), "big5": coreFoundation(0x0A03),
        "euc-kr": coreFoundation(0x0940), "ks_c_5601-1987": coreFoundation(0x0940),
        "utf-16": .utf16, "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
        "utf-32": .utf32, "utf-32le": .utf32LittleEndian, "utf-32be": .utf32BigEndian,
        "macintosh": .macOSRoman, "mac": .macOSRoman, "x-mac-roman": .macOSRoman,
    ]

    private static let windows1252C1: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
