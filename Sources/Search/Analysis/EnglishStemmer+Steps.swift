/// How a suffix found by Steps 2–4 is rewritten once the region condition of its step holds.
enum SuffixRewrite: Sendable {
    /// Replace the suffix; an empty replacement deletes it.
    case replace(with: StaticString)
    /// Step 3's `ative`, which needs R2 rather than the R1 the rest of Step 3 is content with.
    case deleteInR2
    /// Step 2's `li` (an `-ly` that Step 1c rewrote) is an adverb ending only after letters that can end the
    /// adjective it was made from: `recently` → `recent`, but `broccoli` keeps it.
    case deleteAfterValidLiEnding
    /// Step 2's `ogi`, only as `-logi` (`analogies` → `analog`).
    case shortenAfterL
    /// Step 4's `ion` only as `-sion`/`-tion`, so `onion` and `champion` keep it.
    case deleteAfterSOrT
}

struct SuffixRule: Sendable {
    let suffix: StaticString
    let rewrite: SuffixRewrite
    let length: Int
    /// Most words fail a rule on their last letter; checking it first keeps the table scans cheap.
    let lastByte: UInt8

    init(_ suffix: StaticString, _ rewrite: SuffixRewrite) {
        self.suffix = suffix
        self.rewrite = rewrite
        length = suffix.utf8CodeUnitCount
        lastByte = suffix.utf8Start[length - 1]
    }

    init(_ suffix: StaticString, to replacement: StaticString) {
        self.init(suffix, .replace(with: replacement))
    }
}

extension StemmerWord {
    static let step2Rules: [SuffixRule] = [
        .init("tional", to: "tion"), .init("enci", to: "ence"), .init("anci", to: "ance"),
        .init("abli", to: "able"), .init("entli", to: "ent"), .init("izer", to: "ize"),
        .init("ization", to: "ize"), .init("ational", to: "ate"), .init("ation", to: "ate"),
        .init("ator", to: "ate"), .init("alism", to: "al"), .init("aliti", to: "al"), .init("alli", to: "al"),
        .init("fulness", to: "ful"), .init("ousli", to: "ous"), .init("ousness", to: "ous"),
        .init("iveness", to: "ive"), .init("iviti", to: "ive"), .init("biliti", to: "ble"),
        .init("bli", to: "ble"), .init("ogist", to: "og"), .init("fulli", to: "ful"), .init("lessli", to: "less"),
        .init("ogi", .shortenAfterL), .init("li", .deleteAfterValidLiEnding),
    ]

    static let step3Rules: [SuffixRule] = [
        .init("tional", to: "tion"), .init("ational", to: "ate"), .init("alize", to: "al"),
        .init("icate", to: "ic"), .init("iciti", to: "ic"), .init("ical", to: "ic"),
        .init("ful", to: ""), .init("ness", to: ""), .init("ative", .deleteInR2),
    ]

    static let step4Rules: [SuffixRule] = [
        .init("al", to: ""), .init("ance", to: ""), .init("ence", to: ""), .init("er", to: ""),
        .init("ic", to: ""), .init("able", to: ""), .init("ible", to: ""), .init("ant", to: ""),
        .init("ement", to: ""), .init("ment", to: ""), .init("ent", to: ""), .init("ism", to: ""),
        .init("ate", to: ""), .init("iti", to: ""), .init("ous", to: ""), .init("ive", to: ""),
        .init("ize", to: ""), .init("ion", .deleteAfterSOrT),
    ]

    /// Step 1a: plural and possessive endings.
    mutating func step1a() {
        if ends(with: "'s'") {
            bytes.removeLast(3)
        } else if ends(with: "'s") {
            bytes.removeLast(2)
        } else if ends(with: "'") {
            bytes.removeLast(1)
        }

        if ends(with: "sses") {
            bytes.removeLast(2)
        } else if ends(with: "ied") || ends(with: "ies") {
            // `ties` → `tie` but `cries` → `cri`: a one-letter stem keeps its `e`.
            replaceSuffix(length: 3, with: count > 4 ? "i" : "ie")
        } else if ends(with: "ss") || ends(with: "us") {
            return
        } else if ends(with: "s") {
            // Drop the `s` only if a vowel comes before the letter preceding it (`gaps` → `gap`, `gas` stays).
            if count >= 2 && containsVowel(before: count - 2) { bytes.removeLast() }
        }
    }

    /// Step 1b: `-ed`, `-ing` and their adverbs, then repair the stem the removal exposed.
    mutating func step1b() {
        guard let last = bytes.last, last == UInt8(ascii: "d") || last == UInt8(ascii: "g") || last == UInt8(ascii: "y")
        else { return }
        let suffixLength: Int
        var isEED = false
        var isING = false
        if ends(with: "eedly") {
            (suffixLength, isEED) = (5, true)
        } else if ends(with: "ingly") {
            suffixLength = 5
        } else if ends(with: "edly") {
            suffixLength = 4
        } else if ends(with: "eed") {
            (suffixLength, isEED) = (3, true)
        } else if ends(with: "ing") {
            (suffixLength, isING) = (3, true)
        } else if ends(with: "ed") {
            suffixLength = 2
        } else {
            return
        }
        let stemEnd = count - suffixLength

        if isEED {
            // `succeed`, `proceed`, `exceed` keep their `-eed`; they are not `succ` + `-eed`.
            guard stemEnd >= r1 else { return }
            for stem: StaticString in ["succ", "proc", "exc"] where self.stem(is: stem, beforeSuffixOf: suffixLength) {
                return
            }
            replaceSuffix(length: suffixLength, with: "ee")
            return
        }
        if isING {
            // `dying`, `lying`, `tying` come from `die`, `lie`, `tie`.
            if stemEnd == 2 && bytes[1] == UInt8(ascii: "y") && !Self.isVowel(bytes[0]) {
                replaceSuffix(length: 4, with: "ie")
                return
            }
            // Nouns that merely end in `-ing` (`evening`, `inning`, `herring`, …).
            for stem: StaticString in ["even", "cann", "inn", "earr", "herr", "out"]
            where self.stem(is: stem, beforeSuffixOf: suffixLength) {
                return
            }
        }

        // `bed` and `sing` are not `b` + `-ed` and `s` + `-ing`: the stem must keep a vowel.
        guard containsVowel(before: stemEnd) else { return }
        bytes.removeLast(suffixLength)

        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            bytes.append(UInt8(ascii: "e"))
        } else if endsInUndoableDouble() {
            // `hopping` → `hop`, but three-letter `add`, `egg`, `odd` are whole words, not doubled stems.
            let isWholeWord = count == 3
                && (bytes[0] == UInt8(ascii: "a") || bytes[0] == UInt8(ascii: "e") || bytes[0] == UInt8(ascii: "o"))
            if !isWholeWord { bytes.removeLast() }
        } else if count == r1 && endsInShortSyllable(count) {
            // A short word lost a silent `e` to the suffix: `hoping` → `hope`.
            bytes.append(UInt8(ascii: "e"))
        }
    }

    /// `bb`, `dd`, `ff`, `gg`, `mm`, `nn`, `pp`, `rr`, `tt`; other doubles (`ss`, `ll`, `zz`, …) are original.
    private func endsInUndoableDouble() -> Bool {
        guard count >= 2, bytes[count - 1] == bytes[count - 2] else { return false }
        switch bytes[count - 1] {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    /// Step 1c: final `y` after a consonant becomes `i`, so `happy` and `happiness` share `happi`.
    mutating func step1c() {
        guard count > 2, let last = bytes.last, last == UInt8(ascii: "y") || last == Self.consonantY,
              !Self.isVowel(bytes[count - 2])
        else { return }
        bytes[count - 1] = UInt8(ascii: "i")
    }

    mutating func step2() { rewriteLongestSuffix(in: Self.step2Rules, from: r1) }
    mutating func step3() { rewriteLongestSuffix(in: Self.step3Rules, from: r1) }
    mutating func step4() { rewriteLongestSuffix(in: Self.step4Rules, from: r2) }

    /// Step 5: a final `e` or double `l` that the earlier steps left behind.
    mutating func step5() {
        guard let last = bytes.last else { return }
        let start = count - 1
        if last == UInt8(ascii: "e") {
            // In R1 only, `e` stays after a short syllable so `hope` does not turn into `hop`.
            if start >= r2 || (start >= r1 && !endsInShortSyllable(start)) { bytes.removeLast() }
        } else if last == UInt8(ascii: "l") {
            if start >= r2 && start > 0 && bytes[start - 1] == UInt8(ascii: "l") { bytes.removeLast() }
        }
    }

    /// Snowball's `among` commits to the longest matching suffix: if that one's condition fails, shorter
    /// suffixes are not tried (`-ement` outside R2 does not fall back to `-ment`).
    private mutating func rewriteLongestSuffix(in rules: [SuffixRule], from regionStart: Int) {
        guard let last = bytes.last else { return }
        var best: SuffixRule?
        var bestLength = 0
        for rule in rules where rule.lastByte == last && rule.length > bestLength && ends(with: rule.suffix) {
            best = rule
            bestLength = rule.length
        }
        guard let best else { return }
        let start = count - bestLength
        guard start >= regionStart else { return }

        switch best.rewrite {
        case .replace(let replacement):
            replaceSuffix(length: bestLength, with: replacement)
        case .deleteInR2:
            if start >= r2 { bytes.removeLast(bestLength) }
        case .deleteAfterValidLiEnding:
            guard start > 0 else { return }
            switch bytes[start - 1] {
            case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
                 UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                bytes.removeLast(bestLength)
            default:
                return
            }
        case .shortenAfterL:
            if start > 0 && bytes[start - 1] == UInt8(ascii: "l") { bytes.removeLast() }
        case .deleteAfterSOrT:
            if start > 0 && (bytes[start - 1] == UInt8(ascii: "s") || bytes[start - 1] == UInt8(ascii: "t")) {
                bytes.removeLast(bestLength)
            }
        }
    }
}
