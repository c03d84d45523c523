import Foundation
import NIOCore
import Platform

/// Writes JSON straight into bytes, for the responses on the hot path (a page of search results),
/// where a generic `Encoder` cost more per hit than finding the hit. The output is byte for byte
/// what `JSONEncoder.api` writes for the same values: callers give keys in sorted order, slashes are
/// not escaped, dates are ISO 8601 in UTC to the second.
///
/// Bytes go into an array, handed over as one `ByteBuffer` at the end: each write into a
/// `ByteBuffer` checks its storage's uniqueness and exclusive access, a few times per value.
struct JSONWriter {
    private var bytes: [UInt8] = []
    /// Whether the next value or key follows another in the same object or array (and needs a comma).
    /// One flag is enough: opening an object or array clears it, and closing one is writing a value.
    private var followsValue = false

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// What was written.
    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: some Sequence<Element>, _ body: (inout JSONWriter, Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements { body(&self, element) }
        close(UInt8(ascii: "]"))
    }

    /// The key of the next value in the object being written.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        write(name)
        write("\":")
        followsValue = false
    }

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                writeEscaped(byte)
                start = index + 1
            }
            self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        writeDigits(value.magnitude, width: 1)
    }

    mutating func bool(_ value: Bool) {
        separate()
        write(value ? "true" : "false")
    }

    mutating func null() {
        separate()
        write("null")
    }

    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func integer(_ value: Int?) { if let value { integer(value) } else { null() } }

    /// `"2026-12-01T09:30:00Z"`, as `JSONEncoder`'s `.iso8601` strategy writes a date.
    mutating func date(_ value: Date?) {
        guard let value else { return null() }
        separate()
        let time = CivilDate.fields(secondsSinceEpoch: Int(value.timeIntervalSince1970.rounded(.down)))
        bytes.append(UInt8(ascii: "\""))
        writeDigits(UInt(clamping: time.year), width: 4)
        writeTwoDigits(time.month, after: UInt8(ascii: "-"))
        writeTwoDigits(time.day, after: UInt8(ascii: "-"))
        writeTwoDigits(time.hour, after: UInt8(ascii: "T"))
        writeTwoDigits(time.minute, after: UInt8(ascii: ":"))
        writeTwoDigits(time.second, after: UInt8(ascii: ":"))
        write("Z\"")
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        followsValue = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        followsValue = true
    }

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
        followsValue = true
    }

    private mutating func writeTwoDigits(_ value: Int, after separator: UInt8) {
        bytes.append(separator)
        writeDigits(UInt(clamping: value), width: 2)
    }

    /// Decimal digits, zero-padded to `width`, without making a String.
    private mutating func writeDigits(_ value: UInt, width: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { bytes -> Int in
            var remaining = value, count = 0
            repeat {
                bytes[23 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0 || count < width
            return count
        }
        withUnsafeBytes(of: &digits) { bytes.append(contentsOf: $0[(24 - count)...]) }
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let digits: StaticString = "0123456789abcdef"
            write("u00")
            bytes.append(digits.utf8Start[Int(byte >> 4)])
            bytes.append(digits.utf8Start[Int(byte & 0x0F)])
        }
    }

    private mutating func write(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
