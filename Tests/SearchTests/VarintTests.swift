import Domain
import Testing
@testable import Search

@Suite("Varint")
struct VarintTests {
    /// Values of one to five bytes, mostly small as positions' deltas are, with where each ends.
    static func encoded(count: Int, seed: UInt64) -> (bytes: [UInt8], ends: [Int]) {
        var generator = SplitMix64(seed: seed)
        var bytes: [UInt8] = [], ends: [Int] = []
        for _ in 0..<count {
            let width = [7, 7, 7, 14, 21, 32][Int(generator.next() % 6)]
            let value = UInt32(truncatingIfNeeded: generator.next() & (width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1))
            Varint.append(value, to: &bytes)
            ends.append(bytes.count)
        }
        return (bytes, ends)
    }

    @Test("skipping many values lands where reading them one by one does, from any start and for any count, up to the last byte",
          arguments: [1, 2, 3, 40])
    func skipManyMatchesReading(seed: UInt64) {
        let (bytes, ends) = Self.encoded(count: 120, seed: seed)
        bytes.withUnsafeBufferPointer { buffer in
            for first in 0..<ends.count {
                let start = first == 0 ? 0 : ends[first - 1]
                for count in 0...(ends.count - first) {
                    var offset = start
                    Varint.skipMany(count, in: buffer, at: &offset)
                    #expect(offset == (count == 0 ? start : ends[first + count - 1]), "from value \(first), skipping \(count)")
                }
            }
        }
    }

    @Test("values written are read back, one to five bytes each")
    func roundTrip() {
        for value: UInt32 in [0, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000, 0xFFF_FFFF, 0x1000_0000, .max] {
            var bytes: [UInt8] = []
            Varint.append(value, to: &bytes)
            var offset = 0
            #expect(Varint.read(bytes, at: &offset) == value)
            #expect(offset == bytes.count)
        }
    }
}
