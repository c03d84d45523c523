import Foundation

/// Builds a file body from arrays of fixed-width values, each preceded by its byte length and
/// padded to 8 bytes, so every array starts aligned and a mapped file can be read in place.
/// Values are written in the machine's byte order (little-endian on every platform Wayfinder runs on).
struct BinaryWriter {
    private(set) var data = Data()

    mutating func append<Element: FixedWidthInteger>(_ values: [Element]) {
        values.withUnsafeBytes { append(raw: $0) }
    }

    mutating func append<Element: FixedWidthInteger>(_ column: Column<Element>) {
        column.withUnsafeBufferPointer { append(raw: UnsafeRawBufferPointer($0)) }
    }

    mutating func append(strings: [String]) {
        var joined = [UInt8]()
        joined.reserveCapacity(strings.reduce(0) { $0 + $1.utf8.count + 1 })
        for string in strings {
            joined.append(contentsOf: string.utf8)
            joined.append(0)
        }
        append(joined)
    }

    mutating func append(_ value: Int64) {
        append([value])
    }

    private mutating func append(raw bytes: UnsafeRawBufferPointer) {
        withUnsafeBytes(of: UInt64(bytes.count)) { data.append(contentsOf: $0) }
        data.append(contentsOf: bytes)
        data.append(contentsOf: repeatElement(0, count: BinaryReader.padding(after: bytes.count)))
    }

    /// The body followed by its checksum.
    func sealed() -> Data {
        var sealed = data
        withUnsafeBytes(of: data.withUnsafeBytes { Checksum.of($0) }) { sealed.append(contentsOf: $0) }
        return sealed
    }
}

/// Reads what `BinaryWriter` wrote, failing (never crashing) on anything short or inconsistent.
/// Arrays come back as columns pointing into the same storage: nothing is copied.
struct BinaryReader {
    enum Failure: Error { case truncated, checksumMismatch, malformed }

    private let storage: ColumnStorage
    private let end: Int
    private var offset = 0

    /// Reads storage whose trailing checksum the caller has verified (a mapped file).
    init(verified storage: ColumnStorage) throws {
        guard storage.bytes.count >= 8 else { throw Failure.truncated }
        self.storage = storage
        end = storage.bytes.count - 8
    }

    /// Verifies the trailing checksum of a copy of `sealed` before any value is read.
    init(sealed: Data) throws {
        guard sealed.count >= 8 else { throw Failure.truncated }
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: sealed.count, alignment: 8)
        sealed.copyBytes(to: bytes)
        let storage = ColumnStorage(owning: UnsafeRawBufferPointer(bytes))
        let body = UnsafeRawBufferPointer(rebasing: storage.bytes[0..<sealed.count - 8])
        let stored = storage.bytes.loadUnaligned(fromByteOffset: sealed.count - 8, as: UInt64.self)
        guard stored == Checksum.of(body) else { throw Failure.checksumMismatch }
        try self.init(verified: storage)
    }

    static func padding(after length: Int) -> Int { (8 - length % 8) % 8 }

    mutating func column<Element: FixedWidthInteger>(of type: Element.Type) throws -> Column<Element> {
        let length = try readLength()
        let stride = MemoryLayout<Element>.stride
        guard length % stride == 0 else { throw Failure.malformed }
        let column = Column<Element>(storage: storage, byteOffset: offset, count: length / stride)
        offset += length + Self.padding(after: length)
        guard offset <= end else { throw Failure.truncated }
        return column
    }

    mutating func array<Element: FixedWidthInteger>(of type: Element.Type) throws -> [Element] {
        try column(of: type).array
    }

    mutating func strings() throws -> [String] {
        let bytes = try column(of: UInt8.self).buffer
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0 {
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            start = index + 1
        }
        guard start == bytes.count else { throw Failure.malformed }
        return result
    }

    mutating func int64() throws -> Int64 {
        let values = try column(of: Int64.self)
        guard values.count == 1 else { throw Failure.malformed }
        return values[0]
    }

    private mutating func readLength() throws -> Int {
        guard offset + 8 <= end else { throw Failure.truncated }
        let length = storage.bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        guard length <= UInt64(end - offset) else { throw Failure.truncated }
        return Int(length)
    }
}

/// A fast 64-bit checksum over whole words; it detects torn writes and flipped bytes, it is not a MAC.
/// It can be fed in pieces (every piece but the last a whole number of words), so a file is checked
/// with plain reads instead of through its mapping.
struct Checksum {
    private var hash: UInt64

    init(length: Int) {
        hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        let words = raw.count / 8
        for index in 0..<words {
            let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        for index in (words * 8)..<raw.count {
            hash = (hash ^ UInt64(raw[index])) &* 0xC4CE_B9FE_1A85_EC53
        }
    }

    var value: UInt64 { hash ^ (hash >> 29) }

    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum(length: raw.count)
        checksum.add(raw)
        return checksum.value
    }
}
