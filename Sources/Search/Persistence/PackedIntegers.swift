/// A column of integers as a segment file stores it: bit-packed at the width its values need, either
/// as differences from the smallest value or, when few distinct values are spread wide (salaries
/// beside a "none" marker, "never expires" beside real dates), as numbers into a table of them.
/// Columns are small next to postings; they are unpacked into arrays when a segment opens.
enum PackedIntegers {
    private enum Kind: UInt8 { case offsets = 0, table = 1, raw = 2 }
    /// A table wider than this stops paying for itself.
    private static let largestTable = 1 << 16

    static func encode<Value: FixedWidthInteger>(_ values: [Value]) -> [UInt8] {
        let wide = values.map { Int64($0) }
        var bytes: [UInt8] = []
        func header(_ kind: Kind, bits: Int) {
            bytes += [kind.rawValue, UInt8(bits)]
            append(Int64(values.count), to: &bytes)
        }
        let lowest = wide.min() ?? 0, highest = wide.max() ?? 0
        let span = highest.subtractingReportingOverflow(lowest)
        let offsetBits = span.overflow || span.partialValue > Int64(UInt32.max) ? 64 : BitPacking.width(of: UInt32(span.partialValue))
        var table: [Int64] = []
        if offsetBits > 16 {
            let distinct = Set(wide)
            if distinct.count <= largestTable { table = distinct.sorted() }
        }
        let tableBits = table.isEmpty ? 64 : BitPacking.width(of: UInt32(table.count - 1))
        if offsetBits <= 32 && offsetBits <= tableBits {
            header(.offsets, bits: offsetBits)
            append(lowest, to: &bytes)
            pack(wide.map { UInt32($0 - lowest) }, bits: offsetBits, to: &bytes)
        } else if !table.isEmpty {
            header(.table, bits: tableBits)
            append(Int64(table.count), to: &bytes)
            for value in table { append(value, to: &bytes) }
            let numbers = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1, UInt32($0)) })
            pack(wide.map { numbers[$0]! }, bits: tableBits, to: &bytes)
        } else {
            header(.raw, bits: 64)
            for value in wide { append(value, to: &bytes) }
        }
        return bytes
    }

    /// The `count` values, failing on anything inconsistent (another count, a wrong width, a number
    /// outside the table, a value the type cannot hold).
    static func decode<Value: FixedWidthInteger>(_ column: Column<UInt8>, as type: Value.Type, count expected: Int) throws -> [Value] {
        let bytes = column.buffer
        var reader = Reader(bytes: bytes)
        guard let kind = Kind(rawValue: try reader.byte()) else { throw BinaryReader.Failure.malformed }
        let bits = Int(try reader.byte())
        let count = Int(try reader.int64())
        guard count == expected else { throw BinaryReader.Failure.malformed }
        var wide: [Int64]
        switch kind {
        case .offsets:
            let lowest = try reader.int64()
            wide = try reader.unpack(count: count, bits: bits).map { lowest &+ Int64($0) }
        case .table:
            let size = Int(try reader.int64())
            guard size > 0, size <= largestTable else { throw BinaryReader.Failure.malformed }
            let table = try (0..<size).map { _ in try reader.int64() }
            let numbers = try reader.unpack(count: count, bits: bits)
            guard numbers.allSatisfy({ Int($0) < size }) else { throw BinaryReader.Failure.malformed }
            wide = numbers.map { table[Int($0)] }
        case .raw:
            wide = try (0..<count).map { _ in try reader.int64() }
        }
        guard wide.allSatisfy({ Value(exactly: $0) != nil }) else { throw BinaryReader.Failure.malformed }
        return wide.map { Value(truncatingIfNeeded: $0) }
    }

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func pack(_ values: [UInt32], bits: Int, to bytes: inout [UInt8]) {
        values.withUnsafeBufferPointer { BitPacking.append($0, bits: bits, to: &bytes) }
        bytes += [UInt8](repeating: 0, count: 8)  // whole-word reads past the last value stay inside
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw BinaryReader.Failure.truncated }
            offset += 1
            return bytes[offset - 1]
        }

        mutating func int64() throws -> Int64 {
            guard offset + 8 <= bytes.count else { throw BinaryReader.Failure.truncated }
            offset += 8
            return UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset - 8, as: Int64.self)
        }

        mutating func unpack(count: Int, bits: Int) throws -> [UInt32] {
            guard bits <= 32, offset + BitPacking.byteCount(count: count, bits: bits) + 8 <= bytes.count else {
                throw BinaryReader.Failure.malformed
            }
            guard let base = bytes.baseAddress, count > 0 else { return [] }
            let values = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
                BitPacking.unpack(UnsafeRawPointer(base + offset), count: count, bits: bits, into: buffer.baseAddress!)
                initialized = count
            }
            offset += BitPacking.byteCount(count: count, bits: bits) + 8
            return values
        }
    }
}
