import Foundation

extension JobPosting {
    /// A stable hash of what a posting says, leaving out when it was stored. Two imports of the
    /// same posting have the same fingerprint, so the second one is recognized as "unchanged".
    public var contentFingerprint: String {
        var copy = self
        copy.updatedAt = Date(timeIntervalSince1970: 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data = (try? encoder.encode(copy)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
