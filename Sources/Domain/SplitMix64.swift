/// SplitMix64 (Steele, Lea and Flood): a tiny, fast, seeded generator, good enough for demo data and
/// for the randomized tests, which must draw the same values on every run.
public struct SplitMix64: Sendable, RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (bound > 0); the modulo bias is negligible for these small bounds.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One of `items` (not empty), uniformly.
    public mutating func pick<Item>(_ items: [Item]) -> Item { items[below(items.count)] }

    public mutating func percent(_ chance: Int) -> Bool { below(100) < chance }

    /// Uniform in 0..<1.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
