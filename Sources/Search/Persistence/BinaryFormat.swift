import Foundation

/// Builds a file body from arrays of fixed-width values, each preceded by its byte length.
/// Values are written in the machine's byte order (little-endian on every platform Wayfinder runs on).
struct BinaryWriter {
    private(set) var data = Data()

    mutating func append<Element: FixedWidthInteger>(_ values: [Element]) {
        appendLength(values.count * MemoryLayout<Element>.stride)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
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

    private mutating func appendLength(_ length: Int) {
        withUnsafeBytes(of: UInt64(length)) { data.append(contentsOf: $0) }
    }

    /// The body followed by its checksum.
    func sealed() -> Data {
        var sealed = data
        withUnsafeBytes(of: Checksum.of(data)) { sealed.append(contentsOf: $0) }
        return sealed
    }
}

/// Reads what `BinaryWriter` wrote, failing (never crashing) on anything short or inconsistent.
struct BinaryReader {
    enum Failure: Error { case truncated, checksumMismatch, malformed }

    private let data: Data
    private var offset: Int

    /// Verifies the trailing checksum before any value is read.
    init(sealed: Data) throws {
        guard sealed.count >= 8 else { throw Failure.truncated }
        let body = sealed.prefix(sealed.count - 8)
        let stored = sealed.suffix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        guard stored == Checksum.of(body) else { throw Failure.checksumMismatch }
        data = body
        offset = body.startIndex
    }

    mutating func array<Element: FixedWidthInteger>(of type: Element.Type) throws -> [Element] {
        let length = try readLength()
        let stride = MemoryLayout<Element>.stride
        guard length % stride == 0, offset + length <= data.endIndex else { throw Failure.malformed }
        let count = length / stride
        let start = offset
        offset += length
        return data.withUnsafeBytes { raw in
            [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0 {
                    let source = raw.baseAddress!.advanced(by: start - data.startIndex)
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source, byteCount: length)
                }
                initialized = count
            }
        }
    }

    mutating func strings() throws -> [String] {
        let bytes = try array(of: UInt8.self)
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0 {
            result.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
        }
        guard start == bytes.count else { throw Failure.malformed }
        return result
    }

    mutating func int64() throws -> Int64 {
        let values = try array(of: Int64.self)
        guard values.count == 1 else { throw Failure.malformed }
        return values[0]
    }

    private mutating func readLength() throws -> Int {
        guard offset + 8 <= data.endIndex else { throw Failure.truncated }
        let length = data[offset..<offset + 8].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        offset += 8
        guard length <= UInt64(data.endIndex - offset) else { throw Failure.truncated }
        return Int(length)
    }
}

/// A fast 64-bit checksum over whole words; it detects torn writes and flipped bytes, it is not a MAC.
enum Checksum {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            let words = raw.count / 8
            for index in 0..<words {
                let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
            }
            for index in (words * 8)..<raw.count {
                hash = (hash ^ UInt64(raw[index])) &* 0xC4CE_B9FE_1A85_EC53
            }
            return hash ^ (hash >> 29)
        }
    }
}
