/// Undoes a part's Content-Transfer-Encoding, leniently: mail programs get the details wrong often
/// enough that a reader has to accept what they send.
enum TransferDecoding {
    /// 7bit, 8bit, binary and names nobody defined pass through as they are.
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding.lowercased() {
        case "quoted-printable": quotedPrintable(bytes)
        case "base64": base64(bytes)
        default: Array(bytes)
        }
    }

    /// RFC 2045 §6.7: `=XX` is a byte (either case of hex digits), `=` at a line's end is a soft line
    /// break (also with spaces between, as some encoders write), and spaces a transport added at the
    /// ends of lines are dropped. An `=` that starts neither stays as it is.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var trailingWhitespace = 0
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "="):
                if let high = hexValue(bytes, index + 1), let low = hexValue(bytes, index + 2) {
                    output.append(high << 4 | low)
                    trailingWhitespace = 0
                    index += 3
                    continue
                }
                var next = index + 1
                while next < end, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
                if next == end {
                    index = end
                    continue
                }
                if bytes[next] == UInt8(ascii: "\n") {
                    index = next + 1
                    continue
                }
                if bytes[next] == UInt8(ascii: "\r") {
                    index = next + 1 < end && bytes[next + 1] == UInt8(ascii: "\n") ? next + 2 : next + 1
                    continue
                }
                output.append(byte)
                trailingWhitespace = 0
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                output.append(byte)
                trailingWhitespace += 1
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                output.removeLast(trailingWhitespace)
                trailingWhitespace = 0
                output.append(byte)
            default:
                output.append(byte)
                trailingWhitespace = 0
            }
            index += 1
        }
        return output
    }

    /// The standard alphabet (and the URL-safe one, which some senders use); line breaks, spaces and
    /// any other stray bytes are skipped, and decoding stops at the first `=`.
    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") { break }
            let value = base64Values[Int(byte)]
            if value == 0xFF { continue }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    private static func hexValue(_ bytes: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
        guard index < bytes.endIndex else { return nil }
        return hexDigit(bytes[index])
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()
}
