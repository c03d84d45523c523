/// A posting's skills as read when it was written, kept in its row so that no index, process or rebuild
/// reads the same text again. They are trusted only by a tagger with the same fingerprint: another
/// taxonomy or other reading rules would find other skills, so such a tagger reads the posting itself.
///
/// The text is the tagger's stamp on the first line, then one skill a line, `+` for a requirement and
/// `-` for a plus ("+Kubernetes"): short to store, and read back without a JSON decoder.
public struct RecordedSkills: Sendable, Equatable {
    public let text: String

    public init(text: String) {
        self.text = text
    }

    /// `skills` as read by a tagger with `fingerprint`.
    public init(_ skills: [PostingSkill], fingerprint: String) {
        var text = Self.stamp(of: fingerprint)
        text.reserveCapacity(text.utf8.count + skills.count * 16)
        for skill in skills {
            text += skill.isRequired ? "\n+" : "\n-"
            text += skill.name
        }
        self.text = text
    }

    /// The skills, if a tagger with `fingerprint` recorded them; nil when another one did.
    public func skills(ifReadBy fingerprint: String) -> [PostingSkill]? {
        skills(ifStamped: Self.stamp(of: fingerprint))
    }

    /// `skills(ifReadBy:)` with the stamp worked out once, for reading many postings.
    public func skills(ifStamped stamp: String) -> [PostingSkill]? {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.elementsEqual(stamp.utf8) else { return nil }
        var skills: [PostingSkill] = []
        skills.reserveCapacity(lines.count)
        for line in lines {
            guard let marker = line.first, marker == UInt8(ascii: "+") || marker == UInt8(ascii: "-"), line.count > 1 else { return nil }
            skills.append(PostingSkill(name: String(decoding: line.dropFirst(), as: UTF8.self), isRequired: marker == UInt8(ascii: "+")))
        }
        return skills
    }

    /// Sixteen hex digits of FNV-1a over the fingerprint: a fingerprint names a taxonomy by its digest and
    /// its rules by their version, which is longer than a row needs to tell one tagger from another.
    public static func stamp(of fingerprint: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in fingerprint.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
