import Domain

/// One reading of one text by a `SkillExtractor`: its words, the forms and cues among them, and
/// the sections that decide which skills count and how strongly.
struct SkillReading {
    struct Word {
        var number: Int32
        var start: Int
        var end: Int
        var joinsPrevious: Bool
        var hasLeadingDot: Bool
        /// Starts a new line, paragraph or sentence (what the gap before it holds).
        var newLine = false
        var newParagraph = false
        var newSentence = false
        var listSeparated = false
        /// A comma, semicolon, colon or bar stands between it and the word before.
        var afterClauseMark = false
    }

    struct Match {
        var concept: Int
        var start: Int
        var end: Int
        var isRequired: Bool
    }

    /// A product or credential a posting asks for that the taxonomy does not list, named as written.
    struct UnlistedSkill {
        var name: String
        /// The taxonomy's category it would have: "tool" or "certification".
        var category: String
        var start: Int
        var end: Int
        var isRequired: Bool
    }

    /// A form or cue found over words `first...last`.
    struct Found {
        var form: Int
        var first: Int
        var last: Int
    }

    /// The extractor's taxonomy, trie and cues.
    let parts: SkillExtractor.Parts
    let text: String
    let bytes: [UInt8]
    let kind: SkillTextKind
    private(set) var words: [Word] = []

    init(parts: SkillExtractor.Parts, text: String, bytes: [UInt8], kind: SkillTextKind) {
        self.parts = parts
        self.text = text
        self.bytes = bytes
        self.kind = kind
    }

    func matches() -> [Match] {
        read(findingUnlisted: false).known
    }

    /// The taxonomy's skills in the text and, when asked and the text is a posting, the product names and
    /// credentials it does not list.
    func read(findingUnlisted: Bool) -> (known: [Match], unlisted: [UnlistedSkill]) {
        var reading = self
        reading.scan()
        let found = reading.findForms()
        let regions = kind == .posting ? reading.postingRegions(found) : nil
        let known = reading.resolve(found, regions: regions)
        guard findingUnlisted, let regions else { return (known, []) }
        let coverage = reading.coverage(of: found)
        return (known, reading.unlistedProducts(regions: regions, coverage: coverage)
            + reading.unlistedCredentials(regions: regions, coverage: coverage))
    }

    /// What the taxonomy's forms found cover a word with: the unlisted readers leave covered words alone.
    enum Coverage {
        case none, skill
        /// A credential the taxonomy lists ("CKAD", "BLS"): "CKAD certification" is that credential again.
        case credential
    }

    private func coverage(of found: [Found]) -> [Coverage] {
        let taxonomy = parts.taxonomy
        var coverage = [Coverage](repeating: .none, count: words.count)
        for item in found where item.form < parts.cueBase {
            let isCredential = taxonomy.concepts[taxonomy.forms[item.form].concept].category == "certification"
            for index in item.first...item.last { coverage[index] = isCredential ? .credential : .skill }
        }
        return coverage
    }

    static func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    static func isLetter(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Numbers each word and reads the gap before it for line, paragraph and sentence breaks.
    private mutating func scan() {
        let trie = parts.trie
        var scanned: [Word] = []
        scanned.reserveCapacity(bytes.count / 6)
        parts.scanner.forEachWord(in: text) { word in
            scanned.append(Word(number: trie.number(of: word.folded), start: word.start, end: word.end,
                                joinsPrevious: word.joinsPrevious, hasLeadingDot: word.hasLeadingDot))
        }
        var previousEnd = 0
        for index in scanned.indices {
            var newlines = 0
            var sentenceEnd = false
            var separator = false
            var clauseMark = false
            for position in previousEnd..<scanned[index].start {
                switch bytes[position] {
                case UInt8(ascii: "\n"): newlines += 1
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): sentenceEnd = true
                case UInt8(ascii: ";"): sentenceEnd = true; clauseMark = true
                case UInt8(ascii: ","), UInt8(ascii: "|"): separator = true; clauseMark = true
                case UInt8(ascii: ":"): clauseMark = true
                case UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"): separator = true
                default: break
                }
            }
            scanned[index].newLine = newlines > 0 || index == 0
            scanned[index].newParagraph = newlines > 1 || index == 0
            scanned[index].newSentence = scanned[index].newLine || (sentenceEnd && !scanned[index].joinsPrevious)
            scanned[index].listSeparated = separator
            scanned[index].afterClauseMark = clauseMark
            previousEnd = scanned[index].end
        }
        words = scanned
    }

    /// Walks the trie from each word; at each start keeps the longest form that is acceptable there.
    private func findForms() -> [Found] {
        let trie = parts.trie
        var found: [Found] = []
        // Nodes along the current walk that end a form, with the word they end at; reused for every start.
        var candidates: [(last: Int, node: Int32)] = []
        var index = 0
        while index < words.count {
            guard words[index].number >= 0 else { index += 1; continue }
            var node: Int32 = 0
            candidates.removeAll(keepingCapacity: true)
            var position = index
            while position < words.count, words[position].number >= 0,
                  let next = trie.next(from: node, word: words[position].number) {
                node = next
                if trie.endsForm(node) { candidates.append((position, node)) }
                position += 1
                if position < words.count, words[position].newSentence { break }
            }
            var accepted: Found?
            search: for candidate in candidates.reversed() {
                for slot in trie.endingRange(of: candidate.node) {
                    let form = Int(trie.endingForms[slot])
                    if acceptable(form: form, first: index, last: candidate.last, trie: trie) {
                        accepted = Found(form: form, first: index, last: candidate.last)
                        break search
                    }
                }
            }
            if let accepted {
                found.append(accepted)
                index = accepted.last + 1
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether a form may stand at these words, before its context is known. The checks that read only
    /// the words come first; each one alone can refuse the form.
    private func acceptable(form index: Int, first: Int, last: Int, trie: SkillPhraseTrie) -> Bool {
        if index >= parts.cueBase { return true }
        let start = words[first].start, end = words[last].end
        // A word inside a compound ("node.js" is not Node, "T-SQL" is not SQL) is not a skill.
        if words[first].joinsPrevious { return false }
        if trie.traits[index].needsLeadingDot != words[first].hasLeadingDot { return false }
        // "R&D", "AT&T": letters around an ampersand are a name, not a skill.
        if (start > 0 && bytes[start - 1] == UInt8(ascii: "&")) || (end < bytes.count && bytes[end] == UInt8(ascii: "&")) {
            return false
        }
        // "A&P" is not "A/P": an ampersand inside the words matched must be in the form too.
        if !trie.traits[index].hasAmpersand, bytes[start..<end].contains(UInt8(ascii: "&")) { return false }
        if trie.traits[index].isAmbiguous, last + 1 < words.count, words[last + 1].joinsPrevious { return false }
        // "C+E" (a driving licence), "C+": a plus right after an everyday form that does not hold one is another name.
        if trie.traits[index].isAmbiguous, trie.plusAfterWords[index].isEmpty, end < bytes.count, bytes[end] == UInt8(ascii: "+") {
            return false
        }
        // "payroll, tax compliance" is two things, not "payroll tax".
        if first < last, !trie.traits[index].hasClauseMark, ((first + 1)...last).contains(where: { words[$0].afterClauseMark }) {
            return false
        }
        if trie.traits[index].isCased, !writtenExactly(trie.traits[index].casedBytes, from: start, to: end) { return false }
        if first == last, trie.traits[index].isAcronym, writtenAsAName(from: start, to: end) { return false }
        for word in trie.plusAfterWords[index] {
            let after = first + word <= last ? words[first + word].end : end
            if after >= bytes.count || bytes[after] != UInt8(ascii: "+") { return false }
        }
        if isAbbreviationOfPrecedingWords(first: first, last: last) { return false }
        if isPartOfOrganisationName(last: last) { return false }
        if first == last, trie.traits[index].namesABusinessFunction, namesAGroup(last: last) { return false }
        return true
    }

    /// Words after a business function's name that make it a group of people: "the leadership team", "our underwriting
    /// teams", "board and leadership meetings" name who is there, not a skill asked for. Methods stay skills: an
    /// "Agile team" works in Agile.
    private static let groupWords = ByteWordSet(["team", "teams", "department", "departments", "meeting", "meetings"])

    private func namesAGroup(last: Int) -> Bool {
        // "our recruiting and finance teams": the group word may close a pair of functions.
        if last + 3 < words.count, word(last + 1, isIn: Self.listJoiners), !words[last + 3].newSentence,
           !words[last + 2].newSentence, isSpaced(last + 1), isSpaced(last + 2), isSpaced(last + 3), word(last + 3, isIn: Self.groupWords) {
            return true
        }
        guard last + 1 < words.count, !words[last + 1].newSentence, isSpaced(last + 1) else { return false }
        return word(last + 1, isIn: Self.groupWords)
    }

    /// Whether word `index` is one of `set`'s words.
    func word(_ index: Int, isIn set: ByteWordSet) -> Bool {
        set.contains(bytes, from: words[index].start, to: words[index].end)
    }

    /// The words that join the last item of a list: "Word, Excel and Outlook".
    static let listJoiners = ByteWordSet(["and", "or", "&"])

    /// Whether word `index` follows the word before it after exactly one space.
    private func isSpaced(_ index: Int) -> Bool {
        words[index].start == words[index - 1].end + 1 && bytes[words[index - 1].end] == UInt8(ascii: " ")
    }

    /// "Leeds", "Doe", "Ada": a capital and then small letters is a name, not the acronym "LEED", "DOE" or
    /// "ADA", which is written in capitals ("PLCs" too), or in small letters by a hurried hand ("sql").
    private func writtenAsAName(from start: Int, to end: Int) -> Bool {
        guard end - start >= 2, bytes[start] >= 65, bytes[start] <= 90 else { return false }
        return bytes[(start + 1)..<end].allSatisfy { $0 >= 97 && $0 <= 122 }
    }

    /// "Relativity Certified Administrator (RCA)", "School Nutrition Specialist (SNS)": an acronym in parentheses
    /// right after words whose initials spell it abbreviates them, whatever else it stands for elsewhere.
    private func isAbbreviationOfPrecedingWords(first: Int, last: Int) -> Bool {
        guard first == last, first > 0, standsInParentheses(first) else { return false }
        let letters = bytes[words[first].start..<words[first].end].filter { $0 >= 65 && $0 <= 90 }
        guard letters.count >= 2, letters.count == words[first].end - words[first].start else { return false }
        // The initials of the words before it, skipping small joining words ("Bank of America (BOA)").
        var initials: [UInt8] = []
        var index = first - 1
        while index >= 0, initials.count < letters.count {
            if !word(index, isIn: Self.joiningWords) {
                let initial = bytes[words[index].start]
                initials.insert(initial >= 97 && initial <= 122 ? initial - 32 : initial, at: 0)
            }
            index -= 1
        }
        return initials == Array(letters)
    }

    /// Whether word `index` alone fills a pair of parentheses: "(RCA)".
    func standsInParentheses(_ index: Int) -> Bool {
        words[index].start > 0 && bytes[words[index].start - 1] == UInt8(ascii: "(")
            && words[index].end < bytes.count && bytes[words[index].end] == UInt8(ascii: ")")
    }

    /// Small words a name's initials skip: "Bank of America (BOA)".
    private static let joiningWords = ByteWordSet(["of", "and", "for", "the", "in", "&"])

    /// Words of an organisation's name: "NorthStar Logistics Inc.", "Bridges Community Health Center".
    private static let organisationSuffixes = ByteWordSet([
        "Inc", "LLC", "Ltd", "Corp", "Corporation", "GmbH", "Center", "Centre", "Hospital", "Clinic", "Foundation", "University", "College",
        "Logistics", "Digital", "Group", "Labs", "Studios", "Partners", "Technologies", "Solutions", "Health", "Healthcare", "Insurance",
        "Bank", "Financial",
    ], ignoringCase: false)

    private func isPartOfOrganisationName(last: Int) -> Bool {
        guard last + 1 < words.count, !words[last + 1].newSentence else { return false }
        return word(last + 1, isIn: Self.organisationSuffixes)
    }

    /// Whether the text holds `expected` byte for byte, except that a hyphen and a space stand for each other
    /// ("root-cause analysis", "Point-of-Sale").
    private func writtenExactly(_ expected: [UInt8], from start: Int, to end: Int) -> Bool {
        guard expected.count == end - start else { return false }
        for offset in 0..<expected.count where bytes[start + offset] != expected[offset] {
            let pair = (bytes[start + offset], expected[offset])
            guard pair == (UInt8(ascii: "-"), UInt8(ascii: " ")) || pair == (UInt8(ascii: " "), UInt8(ascii: "-")) else { return false }
        }
        return true
    }
}
