/// FNV-1a, 64 bits: a tiny hash that is the same in every process and release, unlike `Hasher`. For stamps,
/// checksums and seeds that are stored or compared across runs; not for anything an adversary chooses.
public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64

    /// The hash of what was added so far.
    @inlinable
    public var value: UInt64 { state }

    /// `seed` is mixed into the offset basis (0: the standard FNV-1a).
    @inlinable
    public init(seed: UInt64 = 0) { state = 0xCBF2_9CE4_8422_2325 ^ seed }

    @inlinable
    public mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inlinable
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// The hash of `bytes`.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(bytes)
        return hasher.value
    }
}
