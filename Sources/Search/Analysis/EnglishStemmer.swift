/// The Snowball English stemmer ("Porter2"), as defined by `english.sbl` in Snowball 3.x.
///
/// It follows the published algorithm (https://snowballstem.org/algorithms/english/stemmer.html) in the revision
/// that the `snowballstemmer` PyPI package (3.1.1) is generated from, so index-time and query-time stems agree with
/// that reference implementation. The revision differs from the original 2002 Porter2 text in a few places: more
/// region prefixes (`inter`, `past`, `univers`, …), `-eed`/`-ing` exceptions handled inside Step 1b, and the
/// `-ogist`, `-lessli` and `-fulli` rules in Step 2. `Tests/SearchTests/Fixtures/snowball-english.tsv` pins the
/// behaviour word for word.
///
/// Input is expected to be lower-cased and accent-folded already; tokens holding anything but `a`–`z` and the
/// apostrophe (digits, unfolded letters, upper case) are returned unchanged.
public struct EnglishStemmer: Sendable {
    public init() {}

    public func stem(_ word: String) -> String {
        var bytes: [UInt8] = []
        // No rule makes a word longer than it arrived, so one allocation is enough.
        bytes.reserveCapacity(word.utf8.count)
        for byte in word.utf8 {
            guard (0x61...0x7A).contains(byte) || byte == StemmerWord.apostrophe else { return word }
            bytes.append(byte)
        }
        guard bytes.count > 2 else { return word }
        if let exception = Self.exceptionalStem(of: bytes) {
            return exception.isEmpty ? word : exception
        }

        // Consuming the local buffer keeps it uniquely referenced, so the steps edit it in place.
        var stemmer = StemmerWord(consume bytes)
        stemmer.prelude()
        stemmer.markRegions()
        stemmer.step1a()
        stemmer.step1b()
        stemmer.step1c()
        stemmer.step2()
        stemmer.step3()
        stemmer.step4()
        stemmer.step5()
        stemmer.postlude()
        return String(decoding: stemmer.bytes, as: UTF8.self)
    }

    /// Whole words the rules would get wrong. An empty stem means "leave the word as it is".
    private static let exceptions: [(word: StaticString, stem: StaticString)] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
        ("early", "earli"), ("only", "onli"), ("singly", "singl"),
        ("sky", ""), ("news", ""), ("howe", ""), ("atlas", ""), ("cosmos", ""), ("bias", ""), ("andes", ""),
    ]

    private static func exceptionalStem(of bytes: [UInt8]) -> String? {
        for (word, stem) in exceptions where word.utf8CodeUnitCount == bytes.count {
            if StemmerWord.bytes(of: word).elementsEqual(bytes) { return stem.description }
        }
        return nil
    }
}

/// The word being stemmed, with Snowball's notion of regions.
///
/// All steps after the prelude only look at and rewrite the end of the word, so a plain byte array that is
/// shortened and appended to at its end is all the state Snowball's cursor/limit machinery reduces to here.
struct StemmerWord {
    static let apostrophe = UInt8(ascii: "'")
    /// The prelude's marker for a `y` that acts as a consonant; unlike `y` it is not in the vowel grouping.
    static let consonantY = UInt8(ascii: "Y")

    /// Prefixes after which R1 starts regardless of the vowel pattern, because the usual rule would put R1
    /// too early (`gener-al` vs `gener-ate`) or too late and conflate unrelated words.
    private static let regionPrefixes: [StaticString] = [
        "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
    ]

    var bytes: [UInt8]
    /// Start of R1 and R2. Like Snowball's `p1`/`p2` they are fixed before the steps run and are not moved when
    /// the word shrinks; Step 1b's short-word test relies on comparing the shortened length against `r1`.
    var r1: Int
    var r2: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        r1 = bytes.count
        r2 = bytes.count
    }

    var count: Int { bytes.count }

    // MARK: Character classes

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    /// A syllable ending in `w`, `x` or consonant `Y` does not count as short (`snow`, `box`, `tray`).
    static func isVowelWXY(_ byte: UInt8) -> Bool {
        isVowel(byte) || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "x") || byte == consonantY
    }

    static func bytes(of string: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount)
    }

    // MARK: Suffix helpers

    @inline(__always)
    func ends(with suffix: StaticString) -> Bool {
        ends(with: suffix, at: bytes.count)
    }

    /// Whether the first `end` bytes of the word end with `suffix`.
    func ends(with suffix: StaticString, at end: Int) -> Bool {
        let length = suffix.utf8CodeUnitCount
        return length <= end && matches(suffix, at: end - length)
    }

    func hasPrefix(_ prefix: StaticString) -> Bool {
        prefix.utf8CodeUnitCount <= bytes.count && matches(prefix, at: 0)
    }

    /// Whether `string` occurs at `start`; the caller has checked that it fits.
    @inline(__always)
    private func matches(_ string: StaticString, at start: Int) -> Bool {
        let other = string.utf8Start
        // Compare from the end: that is where candidate suffixes differ first.
        var index = string.utf8CodeUnitCount - 1
        while index >= 0 {
            if bytes[start + index] != other[index] { return false }
            index -= 1
        }
        return true
    }

    /// True when the word is exactly `stem` followed by `suffixLength` more bytes.
    func stem(is stem: StaticString, beforeSuffixOf suffixLength: Int) -> Bool {
        stem.utf8CodeUnitCount + suffixLength == bytes.count && matches(stem, at: 0)
    }

    mutating func replaceSuffix(length: Int, with replacement: StaticString) {
        bytes.removeLast(length)
        bytes.append(contentsOf: Self.bytes(of: replacement))
    }

    func containsVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if Self.isVowel(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// Snowball's `shortv`, tested on the first `end` bytes: the word there ends in a short syllable.
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3, !Self.isVowelWXY(bytes[end - 1]), Self.isVowel(bytes[end - 2]), !Self.isVowel(bytes[end - 3]) {
            return true
        }
        if end == 2, !Self.isVowel(bytes[1]), Self.isVowel(bytes[0]) {
            return true
        }
        // `past` ends in two consonants, yet `pasted` and `pasting` come from `paste`.
        return ends(with: "past", at: end)
    }

    // MARK: Prelude, regions, postlude

    mutating func prelude() {
        if bytes.first == Self.apostrophe { bytes.removeFirst() }
        if bytes.first == UInt8(ascii: "y") { bytes[0] = Self.consonantY }
        var index = 0
        while index + 1 < bytes.count {
            if Self.isVowel(bytes[index]) && bytes[index + 1] == UInt8(ascii: "y") {
                bytes[index + 1] = Self.consonantY
                // The new `Y` is no vowel, so it cannot start another match; skip past it.
                index += 2
            } else {
                index += 1
            }
        }
    }

    mutating func markRegions() {
        r1 = count
        r2 = count
        if let prefix = Self.regionPrefixes.first(where: hasPrefix) {
            r1 = prefix.utf8CodeUnitCount
        } else if let end = endOfVowelThenConsonant(from: 0) {
            r1 = end
        } else {
            return
        }
        r2 = endOfVowelThenConsonant(from: r1) ?? count
    }

    /// The position just after the first non-vowel that follows a vowel, searching from `start`.
    private func endOfVowelThenConsonant(from start: Int) -> Int? {
        var index = start
        while index < count, !Self.isVowel(bytes[index]) { index += 1 }
        guard index < count else { return nil }
        index += 1
        while index < count, Self.isVowel(bytes[index]) { index += 1 }
        guard index < count else { return nil }
        return index + 1
    }

    mutating func postlude() {
        for index in bytes.indices where bytes[index] == Self.consonantY {
            bytes[index] = UInt8(ascii: "y")
        }
    }
}
