import Domain

/// A header value with parameters, as Content-Type and Content-Disposition have:
/// `text/plain; charset="utf-8"; format=flowed`.
///
/// Parameter names are lowercased. RFC 2231 forms are joined and decoded: a charset and language
/// (`filename*=utf-8''r%C3%A9sum%C3%A9.pdf`) and values split into numbered sections
/// (`filename*0*=...; filename*1=...`). Quoted values lose their quotes and backslash escapes.
struct ParameterizedValue {
    /// The part before the first `;`, trimmed and lowercased (`text/plain`, `attachment`).
    var value: String
    var parameters: [String: String]

    init(_ raw: String) {
        let bytes = Array(raw.utf8)
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        value = String(decoding: bytes[0..<index], as: UTF8.self).trimmingWhitespace().lowercased()
        var plain: [String: String] = [:]
        var sections: [String: [(number: Int, encoded: Bool, text: String)]] = [:]
        while index < bytes.count {
            index += 1 // the `;`
            while index < bytes.count, bytes[index].isSpaceOrTab { index += 1 }
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).trimmingWhitespace().lowercased()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index].isSpaceOrTab { index += 1 }
            var text: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    text.append(bytes[index])
                    index += 1
                }
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
                text = Array(String(decoding: bytes[valueStart..<index], as: UTF8.self).trimmingWhitespace().utf8)
            }
            guard !name.isEmpty else { continue }
            let decodedText = String(decoding: text, as: UTF8.self)
            if let star = name.firstIndex(of: "*") {
                // `name*`, `name*0`, `name*1*`: RFC 2231.
                let base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let encoded = rest.hasSuffix("*") || rest.isEmpty
                let number = Int(rest.hasSuffix("*") ? rest.dropLast() : rest) ?? 0
                sections[base, default: []].append((number, encoded, decodedText))
            } else if plain[name] == nil {
                plain[name] = decodedText
            }
        }
        for (name, parts) in sections {
            plain[name] = Self.joined(parts.sorted { $0.number < $1.number })
        }
        parameters = plain
    }

    /// The sections in order; the first encoded one names the charset (`utf-8'en'`), and encoded ones
    /// are percent-decoded into bytes of that charset.
    private static func joined(_ sections: [(number: Int, encoded: Bool, text: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (position, section) in sections.enumerated() {
            var text = Substring(section.text)
            if section.encoded, position == 0 {
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = String(pieces[0])
                    text = pieces[2]
                }
            }
            bytes += section.encoded ? percentDecoded(text) : Array(text.utf8)
        }
        return MailCharset.decode(bytes, charset: charset ?? "utf-8")
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let source = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
               let high = TransferDecoding.hexDigit(source[index + 1]), let low = TransferDecoding.hexDigit(source[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return output
    }
}

extension UInt8 {
    var isSpaceOrTab: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }

    /// A space, tab, CR or LF.
    var isMailWhitespace: Bool { isSpaceOrTab || self == UInt8(ascii: "\r") || self == UInt8(ascii: "\n") }
}
