/// The bytes of a cursor: fixed-width little-endian numbers and length-prefixed texts. A cursor is
/// encoded for every page that has a next one, so this replaces a JSON encoder that cost a fifth of
/// a small search.
struct CursorWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(128) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func integer(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { integer(Int64(bitPattern: value.bitPattern)) }

    mutating func text(_ value: String) {
        let utf8 = Array(value.utf8.prefix(Int(UInt16.max)))
        integer(Int64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what `CursorWriter` wrote; anything short or out of range is `nil`, never a crash.
struct CursorReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func integer() -> Int64? {
        guard offset + 8 <= bytes.count else { return nil }
        var value: Int64 = 0
        for index in (0..<8).reversed() { value = value << 8 | Int64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func double() -> Double? { integer().map { Double(bitPattern: UInt64(bitPattern: $0)) } }

    /// A count no larger than `limit`: guards allocations against a forged length.
    mutating func count(atMost limit: Int) -> Int? {
        guard let value = integer(), value >= 0, value <= limit else { return nil }
        return Int(value)
    }

    mutating func text() -> String? {
        guard let length = count(atMost: bytes.count - offset - 8) else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
}
