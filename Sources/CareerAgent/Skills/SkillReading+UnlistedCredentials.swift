extension SkillReading {
    /// Words that name what a person holds, after the words that say which one.
    private static let credentialWords = ByteWordSet([
        "licence", "license", "certification", "certificate", "registration", "qualification", "card", "training", "rating",
    ])

    /// Credential words that name one only when they end a line of their own ("Digital tachograph card",
    /// "Trusted assessor training"); in a sentence they are as often a duty ("Deliver training to new staff")
    /// or a perk ("a fuel card").
    private static let wholeLineCredentialWords = ByteWordSet(["card", "training"])

    /// Words a credential's name does not start with or run through: joins, articles, and the qualifiers that
    /// say any credential will do or how it must be held ("a valid", "current", "relevant", "professional").
    private static let notInACredentialName = ByteWordSet([
        "and", "or", "with", "of", "in", "on", "for", "to", "from", "at", "a", "an", "the", "as", "by", "via", "your", "our",
        "their", "his", "her", "hold", "holds", "holding", "have", "has", "having", "obtain", "must", "should", "will", "be",
        "valid", "current", "active", "full", "clean", "relevant", "appropriate", "recognised", "recognized", "approved",
        "required", "requires", "desirable", "preferred", "including", "plus", "any", "other", "similar", "equivalent",
        "professional", "industry", "formal", "additional", "further", "higher", "recent", "ongoing", "annual", "mandatory",
        "necessary", "specific", "all", "some", "such", "this", "that", "these", "those", "its", "their", "no", "not",
        "level", "good", "strong", "is", "are", "job", "paid", "free", "state", "national", "federal", "provincial", "local",
    ])

    /// "type rating": "rating" names a credential only after "type".
    private static let rating = ByteWordSet(["rating"])
    private static let type = ByteWordSet(["type"])

    /// The most words a credential's name runs to before its credential word.
    private static let longestCredentialName = 6

    /// Licences, certifications, registrations and qualifications the taxonomy does not list ("Category C+E
    /// licence", "HCPC registration", "Xactimate certification", "Boeing 737NG/MAX type rating"), named the way
    /// postings name them: a few words that say which, ending in a credential word,
    /// in what the posting asks for (not its boilerplate). The name is taken as written, without the qualifiers
    /// before it ("Valid", "Current") or an abbreviation in parentheses inside it. Credential words a found skill
    /// already covers ("BLS certification", "driving licence") are left to that skill.
    func unlistedCredentials(regions: [Region], coverage: [Coverage]) -> [UnlistedSkill] {
        var result: [UnlistedSkill] = []
        var seen = Set<String>()
        for index in words.indices where word(index, isIn: Self.credentialWords) {
            // "CKA or CKAD certification" is the listed CKAD; "TRCs/certification" is a list, not a name.
            guard case .none = coverage[index], !regions[index].isBoilerplate, !words[index].joinsPrevious, index > 0,
                  bytes[words[index].start - 1] == UInt8(ascii: " ") || bytes[words[index].start - 1] == UInt8(ascii: "\n"),
                  !bytes[words[index - 1].end..<words[index].start].contains(UInt8(ascii: "/")) else { continue }
            // "Basic Life Support (BLS) certification": the abbreviation between does not hide the listed credential.
            if case .credential = coverage[wordBeforeParentheses(index)] { continue }
            var last = index - 1
            if word(index, isIn: Self.rating) {
                // Only "type rating" names a credential.
                guard word(last, isIn: Self.type), sameRun(last, index) else { continue }
                last -= 1
            }
            guard last >= 0 else { continue }
            // "Certificate in Public Procurement", "Certificate IV in Building and Construction": the name goes on.
            let end = subjectAfter(credentialWord: index)
            var first = last + 1
            if sameRun(last, last + 1) {
                while first - 1 >= 0, last - (first - 1) < Self.longestCredentialName, sameRun(first - 1, first), isNamePart(first - 1) {
                    first -= 1
                }
                // A longer run than the limit is a sentence, not a name.
                if first - 1 >= 0, sameRun(first - 1, first), isNamePart(first - 1) { continue }
                // A list's number is not part of the name: "2) BLS/CPR certification".
                if first < last, words[first].newLine, isNumber(first) { first += 1 }
            }
            if first > last {
                // Nothing names it before the credential word: only a name after it, at the start of a line, makes one.
                guard end > index, isLineStart(index), Self.isUpper(bytes[words[index].start]) else { continue }
                first = index
            } else {
                guard !(first...last).contains(where: { !isNamePart($0) }),
                      (first...last).contains(where: { bytes[words[$0].start..<words[$0].end].contains(where: Self.isLetter) }),
                      startsAName(first) else { continue }
            }
            if word(index, isIn: Self.wholeLineCredentialWords), !(isLineStart(first) && endsLine(index)) { continue }
            let name = Self.withoutParentheses(bytes[words[first].start..<words[end].end])
            guard seen.insert(name.lowercased()).inserted else { continue }
            result.append(UnlistedSkill(name: name, category: "certification", start: words[first].start, end: words[end].end,
                                        isRequired: !regions[index].isOptional))
        }
        return result
    }

    /// "Level" before a number is part of a UK qualification's name ("Level 2 Food Hygiene certificate"); alone it
    /// is a qualifier ("a level of training").
    private func isNamePart(_ index: Int) -> Bool {
        guard word(index, isIn: Self.notInACredentialName) else { return true }
        return word(index, isIn: Self.level) && index + 1 < words.count && sameRun(index, index + 1) && isNumber(index + 1)
    }

    private static let level = ByteWordSet(["level"])
    private static let subjectJoins = ByteWordSet(["in", "of"])
    private static let grades = ByteWordSet(["i", "ii", "iii", "iv", "v", "vi"])
    private static let nameJoins = ByteWordSet(["and", "&"])

    private func isNumber(_ index: Int) -> Bool {
        bytes[words[index].start..<words[index].end].allSatisfy(Self.isDigit)
    }

    /// The last word of a credential's name that goes on past its credential word: a grade ("Certificate IV") and
    /// "in" or "of" with what it is in, in capitals ("in Dental Sedation Nursing", "of Qualification 306A").
    /// `credentialWord` itself when nothing follows so.
    private func subjectAfter(credentialWord index: Int) -> Int {
        var next = index + 1
        // A grade ends the name or comes before what it is in: "licence I can use" has none.
        let graded = next < words.count && sameRun(index, next) && word(next, isIn: Self.grades) && Self.isUpper(bytes[words[next].start])
        if graded { next += 1 }
        guard next + 1 < words.count, word(next, isIn: Self.subjectJoins), sameRun(next - 1, next), sameRun(next, next + 1),
              startsWithCapitalOrDigit(next + 1) else { return graded && endsLine(next - 1) ? next - 1 : index }
        var last = next + 1
        while last + 1 < words.count, last - index < Self.longestCredentialName, sameRunWithoutParentheses(last, last + 1) {
            if startsWithCapitalOrDigit(last + 1) {
                last += 1
            } else if word(last + 1, isIn: Self.nameJoins), last + 2 < words.count, sameRunWithoutParentheses(last + 1, last + 2),
                      startsWithCapitalOrDigit(last + 2) {
                last += 2
            } else {
                break
            }
        }
        return last
    }

    private func startsWithCapitalOrDigit(_ index: Int) -> Bool {
        let byte = bytes[words[index].start]
        return Self.isUpper(byte) || Self.isDigit(byte)
    }

    /// `sameRun`, without a parenthesis between: "(Plumber)" after a name is an aside, not more of it.
    private func sameRunWithoutParentheses(_ before: Int, _ after: Int) -> Bool {
        sameRun(before, after) && !bytes[words[before].end..<words[after].start].contains { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
    }

    /// The word before word `index`, passing over words in parentheses right before it ("Support (BLS) certification").
    private func wordBeforeParentheses(_ index: Int) -> Int {
        var before = index - 1
        while before > 0, standsInParentheses(before) { before -= 1 }
        return before
    }

    /// Whether word `after` follows word `before` in one phrase: same line and sentence, nothing between
    /// them but spaces, parentheses, "+", "/" or a hyphen.
    private func sameRun(_ before: Int, _ after: Int) -> Bool {
        guard !words[after].newSentence, !words[after].newLine else { return false }
        return bytes[words[before].end..<words[after].start].allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    /// A name starts with a capital or a digit ("HCPC", "Journeyman", "737"), or is the whole start of its line.
    private func startsAName(_ index: Int) -> Bool {
        startsWithCapitalOrDigit(index) || isLineStart(index)
    }

    /// Whether word `index` begins its line, after any qualifiers ("- Valid Driver CPC card").
    private func isLineStart(_ index: Int) -> Bool {
        var start = index
        while start > 0, !words[start].newLine, word(start - 1, isIn: Self.notInACredentialName) { start -= 1 }
        return words[start].newLine
    }

    /// Whether nothing but an abbreviation in parentheses or closing punctuation follows word `index` on its line.
    private func endsLine(_ index: Int) -> Bool {
        var position = words[index].end
        var inParentheses = false
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            switch bytes[position] {
            case UInt8(ascii: "("): inParentheses = true
            case UInt8(ascii: ")"): inParentheses = false
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "\r"): break
            default: if !inParentheses { return false }
            }
            position += 1
        }
        return true
    }

    /// The name as written, without parenthesised asides ("Aerial lift (MEWP) certification" is "Aerial lift
    /// certification") and with single spaces.
    private static func withoutParentheses(_ name: ArraySlice<UInt8>) -> String {
        var kept: [UInt8] = []
        var depth = 0
        for byte in name {
            if byte == UInt8(ascii: "(") { depth += 1; continue }
            if byte == UInt8(ascii: ")") { depth = max(0, depth - 1); continue }
            if depth == 0 { kept.append(byte) }
        }
        return String(decoding: kept, as: UTF8.self).split(separator: " ").joined(separator: " ")
    }
}
