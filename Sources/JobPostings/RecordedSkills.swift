import Domain

/// A posting's skills as read when it was written, kept in its row so that no index, process or rebuild
/// reads the same text again. They are trusted only by a tagger with the same fingerprint: another
/// taxonomy or other reading rules would find other skills, so such a tagger reads the posting itself.
///
/// They are also tied to the content they were read from: a writer that does not know of them (an earlier
/// release, during a rolling upgrade) may change a posting and leave them behind, and then they are not its skills.
///
/// The text's first line is the tagger's stamp, a space and the content's fingerprint; then comes one skill a
/// line, `+` for a requirement and `-` for a plus ("+Kubernetes"): short to store, and read back without a
/// JSON decoder.
public struct RecordedSkills: Sendable, Equatable {
    public let text: String

    public init(text: String) {
        self.text = text
    }

    /// `skills` as read by a tagger with `fingerprint` from the posting whose `contentFingerprint` is `content`.
    public init(_ skills: [PostingSkill], fingerprint: String, content: String) {
        self.init(skills, stamp: Self.stamp(of: fingerprint), content: content)
    }

    /// `init(_:fingerprint:content:)` with the stamp worked out once, for recording many postings.
    public init(_ skills: [PostingSkill], stamp: String, content: String) {
        var text = stamp + " " + content
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
        var names = Names()
        return skills(ifStamped: stamp, names: &names)
    }

    /// `skills(ifStamped:)` taking each name from `names` when it was read before: a build reads a million
    /// postings naming a few thousand skills, and one string per name is less to allocate and quicker to compare.
    public func skills(ifStamped stamp: String, names: inout Names) -> [PostingSkill]? {
        var text = text
        return text.withUTF8 { bytes -> [PostingSkill]? in
            let newline = UInt8(ascii: "\n")
            let stampBytes = stamp.utf8
            guard bytes.count > stampBytes.count, bytes[stampBytes.count] == UInt8(ascii: " "),
                  stampBytes.elementsEqual(bytes[0..<stampBytes.count]) else { return nil }
            var start = stampBytes.count
            while start < bytes.count, bytes[start] != newline { start += 1 }
            var skills: [PostingSkill] = []
            guard start < bytes.count else { return skills }
            start += 1
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline { end += 1 }
                guard end - start > 1, bytes[start] == UInt8(ascii: "+") || bytes[start] == UInt8(ascii: "-") else { return nil }
                let name = names.name(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]))
                skills.append(PostingSkill(name: name, isRequired: bytes[start] == UInt8(ascii: "+")))
                start = end + 1
            }
            return skills
        }
    }

    /// Whether these skills were read from the posting whose `contentFingerprint` is `content`: the first line
    /// holds it after the stamp and its space. Checked for every row a change feed reads, so it allocates nothing.
    public func wereRead(fromContent content: String) -> Bool {
        guard text.utf8.dropFirst(Self.stampLength).first == UInt8(ascii: " ") else { return false }
        let afterStamp = text.utf8.dropFirst(Self.stampLength + 1)
        guard afterStamp.starts(with: content.utf8) else { return false }
        let next = afterStamp.dropFirst(content.utf8.count).first
        return next == nil || next == UInt8(ascii: "\n")
    }

    /// Names read so far, by the FNV-1a hash of their bytes.
    public struct Names {
        private var byHash: [UInt64: String] = [:]

        public init() {}

        mutating func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let hash = FNV1a.hash(bytes)
            if let known = byHash[hash], known.utf8.elementsEqual(bytes) { return known }
            let name = String(decoding: bytes, as: UTF8.self)
            byHash[hash] = name
            return name
        }
    }

    /// Sixteen hex digits of FNV-1a over the fingerprint: a fingerprint names a taxonomy by its digest and
    /// its rules by their version, which is longer than a row needs to tell one tagger from another.
    public static func stamp(of fingerprint: String) -> String {
        let digits = String(FNV1a.hash(fingerprint.utf8), radix: 16)
        return String(repeating: "0", count: stampLength - digits.count) + digits
    }

    static let stampLength = 16
}
