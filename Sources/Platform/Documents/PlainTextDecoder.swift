import Foundation

/// Turns the bytes of a text upload into a string: UTF-8 (with or without a byte-order mark),
/// UTF-16 with a byte-order mark, and otherwise Windows-1252, which is what an old Windows editor
/// writes and which also reads every Latin-1 file that holds text.
enum PlainTextDecoder {
    enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case nulBytes
        case invalidUTF8AfterByteOrderMark
        case invalidUTF16
        case notText
        case controlCharacters

        var description: String {
            switch self {
            case .nulBytes: "contains NUL bytes"
            case .invalidUTF8AfterByteOrderMark: "starts with a UTF-8 byte-order mark but is not valid UTF-8"
            case .invalidUTF16: "starts with a UTF-16 byte-order mark but is not valid UTF-16"
            case .notText: "is not UTF-8, UTF-16 or Windows-1252 text"
            case .controlCharacters: "contains control characters that text files do not"
            }
        }
    }

    static func decode(_ data: Data) -> Result<String, Failure> {
        let bytes = [UInt8](data)
        let decoded: Result<String, Failure>
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            decoded = String(validating: bytes.dropFirst(3), as: UTF8.self).map { .success($0) } ?? .failure(.invalidUTF8AfterByteOrderMark)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            decoded = utf16(bytes.dropFirst(2), bigEndian: false)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            decoded = utf16(bytes.dropFirst(2), bigEndian: true)
        } else if bytes.contains(0) {
            decoded = .failure(.nulBytes)
        } else if let utf8 = String(validating: bytes, as: UTF8.self) {
            decoded = .success(utf8)
        } else {
            decoded = Windows1252.decode(bytes).map { .success($0) } ?? .failure(.notText)
        }
        return decoded.flatMap(checkedForBinary)
    }

    /// A decoded string that is mostly control characters (or has NULs, which UTF-16 can hide) was never text.
    /// A stray one is tolerated and tidied away later.
    private static func checkedForBinary(_ text: String) -> Result<String, Failure> {
        var count = 0
        var controls = 0
        for scalar in text.unicodeScalars {
            count += 1
            if scalar.value == 0 { return .failure(.nulBytes) }
            if scalar.properties.generalCategory == .control, !["\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{1A}"].contains(scalar) {
                controls += 1
            }
        }
        return controls * 100 > max(count, 100) ? .failure(.controlCharacters) : .success(text)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Result<String, Failure> {
        guard bytes.count.isMultiple(of: 2) else { return .failure(.invalidUTF16) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.append(scalar)
            case .emptyInput: return .success(String(text))
            case .error: return .failure(.invalidUTF16)
            }
        }
    }
}
