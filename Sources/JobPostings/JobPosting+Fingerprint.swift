import Domain
import Foundation

extension JobPosting {
    /// A stable hash of what a posting says, leaving out when it was stored. Two imports of the
    /// same posting have the same fingerprint, so the second one is recognized as "unchanged".
    ///
    /// Format `v2:` followed by 16 lowercase hex digits: XXH64 (seed 0) of the fields below, in this
    /// order. Each field is a presence byte (0 = absent, 1 = present) and, when present, its value:
    /// texts as their UTF-8 length (8 bytes, little-endian) and bytes, numbers and times as 8 bytes
    /// little-endian (times in whole seconds since 1970, as stored), `remote` as one byte.
    ///
    /// job_id, provider_id, title, description, description_html, company, location, remote,
    /// employment_type, min_salary, max_salary, currency, pay_interval, posted_date, apply_url,
    /// expires_at, status.
    ///
    /// Changing the encoding or the field list means a new version prefix; rows stored with an
    /// older fingerprint are compared with `legacyContentFingerprint` (see `isFingerprint(_:of:)`).
    public var contentFingerprint: String {
        var encoder = FingerprintEncoder()
        encoder.text(jobID)
        encoder.text(providerID)
        encoder.text(title)
        encoder.text(description)
        encoder.text(descriptionHTML)
        encoder.text(company)
        encoder.text(location)
        encoder.flag(remote)
        encoder.text(employmentType?.rawValue)
        encoder.integer(minSalary.map(Int64.init))
        encoder.integer(maxSalary.map(Int64.init))
        encoder.text(currency)
        encoder.text(payInterval?.rawValue)
        encoder.integer(Self.storedSeconds(postedDate))
        encoder.text(applyURL)
        encoder.integer(expiresAt.map(Self.storedSeconds))
        encoder.text(status.rawValue)
        return encoder.fingerprint
    }

    /// The version prefix of `contentFingerprint`.
    public static let fingerprintPrefix = "v2:"

    /// Whether a stored fingerprint says this posting is unchanged. Fingerprints without a version
    /// prefix were written by earlier releases (`legacyContentFingerprint`); they are recomputed that
    /// way, so a database from an earlier release does not see every posting as changed.
    public func matchesFingerprint(_ stored: String, current: String) -> Bool {
        if stored == current { return true }
        return !stored.contains(":") && stored == legacyContentFingerprint
    }

    /// The fingerprint earlier releases stored: FNV-1a 64 of the posting as sorted-key JSON with
    /// `updatedAt` zeroed, in hex without padding. Only read to compare with rows they wrote.
    public var legacyContentFingerprint: String {
        var copy = self
        copy.updatedAt = Date(timeIntervalSince1970: 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data = (try? encoder.encode(copy)) ?? Data()
        return String(FNV1a.hash(data), radix: 16)
    }

    /// Whole seconds since 1970, rounded down: how every engine stores a time.
    static func storedSeconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

/// Builds the byte string `contentFingerprint` hashes.
struct FingerprintEncoder {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(4_096)
    }

    mutating func text(_ value: String?) {
        guard var value else { bytes.append(0); return }
        bytes.append(1)
        value.withUTF8 { utf8 in
            appendWord(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func integer(_ value: Int64?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        appendWord(UInt64(bitPattern: value))
    }

    mutating func flag(_ value: Bool) {
        bytes.append(1)
        bytes.append(value ? 1 : 0)
    }

    private mutating func appendWord(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }

    var fingerprint: String {
        let hash = bytes.withUnsafeBytes { XXHash64.hash($0) }
        let hex = String(hash, radix: 16)
        return JobPosting.fingerprintPrefix + String(repeating: "0", count: 16 - hex.utf8.count) + hex
    }
}

/// XXH64 (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md), seed 0.
enum XXHash64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    @inline(__always) private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotl(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    static func hash(_ input: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = input.count
        var offset = 0
        @inline(__always) func word(_ at: Int) -> UInt64 { UInt64(littleEndian: input.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        var hash: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2, v2 = seed &+ prime2, v3 = seed, v4 = seed &- prime1
            while offset + 32 <= count {
                v1 = round(v1, word(offset))
                v2 = round(v2, word(offset + 8))
                v3 = round(v3, word(offset + 16))
                v4 = round(v4, word(offset + 24))
                offset += 32
            }
            hash = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(count)
        while offset + 8 <= count {
            hash ^= round(0, word(offset))
            hash = rotl(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            let half = UInt64(UInt32(littleEndian: input.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            hash ^= half &* prime1
            hash = rotl(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(input[offset]) &* prime5
            hash = rotl(hash, 11) &* prime1
            offset += 1
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }
}
