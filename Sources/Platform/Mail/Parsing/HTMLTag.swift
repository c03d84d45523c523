import Foundation

/// A tag name of up to 16 bytes, lowercased and packed into integers, so telling tags apart needs no
/// String. Longer names are no HTML element's.
struct HTMLTagName: Comparable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    static func < (left: HTMLTagName, right: HTMLTagName) -> Bool {
        (left.high, left.low) < (right.high, right.low)
    }

    init?(_ bytes: [UInt8], _ range: Range<Int>) {
        guard range.count <= 16 else { return nil }
        for (position, index) in range.enumerated() {
            let byte = bytes[index]
            let lowered = UInt64(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
            if position < 8 { high |= lowered << (8 * UInt64(position)) } else { low |= lowered << (8 * UInt64(position - 8)) }
        }
    }
}

/// A start or end tag: its name, where its attributes lie and the index after its `>`.
struct HTMLTag {
    var name: HTMLTagName?
    var nameRange: Range<Int>
    var attributesStart: Int
    var end: Int
    var selfClosing: Bool
    var hasAttributes: Bool

    init(_ bytes: [UInt8], nameStart: Int) {
        var index = nameStart
        while index < bytes.count, !bytes[index].isMailWhitespace, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        nameRange = nameStart..<index
        name = HTMLTagName(bytes, nameRange)
        attributesStart = index
        var quote: UInt8 = 0
        var lastSignificant: UInt8 = 0
        var significantCount = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            if !byte.isMailWhitespace {
                lastSignificant = byte
                significantCount += 1
            }
            index += 1
        }
        selfClosing = lastSignificant == UInt8(ascii: "/")
        hasAttributes = significantCount > (selfClosing ? 1 : 0)
        end = min(index + 1, bytes.count)
    }

    /// The raw value of an attribute (entities not yet decoded), nil when the tag has none of that
    /// name (given in lowercase).
    func attribute(_ wanted: [UInt8], in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var index = attributesStart
        let limit = max(attributesStart, end - 1)
        while index < limit {
            while index < limit, bytes[index].isMailWhitespace || bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < limit, !bytes[index].isMailWhitespace, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let nameEnd = index
            while index < limit, bytes[index].isMailWhitespace { index += 1 }
            var value: ArraySlice<UInt8> = []
            if index < limit, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < limit, bytes[index].isMailWhitespace { index += 1 }
                if index < limit, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < limit, bytes[index] != quote { index += 1 }
                    value = bytes[valueStart..<index]
                    index += 1
                } else {
                    let valueStart = index
                    while index < limit, !bytes[index].isMailWhitespace { index += 1 }
                    value = bytes[valueStart..<index]
                }
            }
            if nameEnd - nameStart == wanted.count,
               wanted.indices.allSatisfy({ bytes[nameStart + $0] | 0x20 == wanted[$0] }) {
                return value
            }
            if index == nameStart { index += 1 }
        }
        return nil
    }
}
