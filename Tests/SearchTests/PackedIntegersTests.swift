import Domain
import Testing
@testable import Search

/// Segment columns are stored bit-packed; whatever their values, they come back unchanged, and a
/// column that does not hold what the segment says is refused.
@Suite("Packed integer columns")
struct PackedIntegersTests {
    static func roundTrip<Value: FixedWidthInteger>(_ values: [Value]) throws -> [Value] {
        let bytes = PackedIntegers.encode(values)
        return try PackedIntegers.decode(Column(bytes), as: Value.self, count: values.count)
    }

    @Test("columns of every shape come back unchanged")
    func shapesRoundTrip() throws {
        var random = SplitMix64(seed: 11)
        let dates = (0..<1_000).map { _ in 1_700_000_000 + Int64(random.next() % 40_000_000) }
        let salaries = (0..<1_000).map { index in index % 3 == 0 ? Int64.min : 30_000 + Int64(random.next() % 50) * 1_000 }
        let expiries = (0..<1_000).map { index in index % 2 == 0 ? Int64.max : dates[index] }
        let scattered = (0..<1_000).map { _ in Int64(bitPattern: random.next()) }
        for column in [dates, salaries, expiries, scattered, [], [42], [Int64](repeating: -7, count: 5_000), [Int64.min, Int64.max]] {
            #expect(try Self.roundTrip(column) == column)
        }
        let lengths = (0..<3_000).map { _ in UInt16(random.next() % 700) }
        #expect(try Self.roundTrip(lengths) == lengths)
        let ordinals = (0..<3_000).map { _ in UInt32(random.next() % 3) }
        #expect(try Self.roundTrip(ordinals) == ordinals)
    }

    @Test("narrow values take few bits: three kinds of value in a thousand documents fit in 250 bytes")
    func narrowValuesTakeFewBits() {
        let ordinals = (0..<1_000).map { UInt32($0 % 3) }
        #expect(PackedIntegers.encode(ordinals).count <= 250 + 26)
    }

    @Test("a column with another count, or values its type cannot hold, is refused")
    func inconsistentColumnsAreRefused() {
        let bytes = PackedIntegers.encode([1, 2, 3] as [Int64])
        #expect(throws: BinaryReader.Failure.self) { try PackedIntegers.decode(Column(bytes), as: Int64.self, count: 4) }
        let wide = PackedIntegers.encode([70_000] as [Int64])
        #expect(throws: BinaryReader.Failure.self) { try PackedIntegers.decode(Column(wide), as: UInt16.self, count: 1) }
        #expect(throws: BinaryReader.Failure.self) { try PackedIntegers.decode(Column(Array(bytes.prefix(12))), as: Int64.self, count: 3) }
    }
}
