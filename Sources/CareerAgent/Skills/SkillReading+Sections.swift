extension SkillReading {
    /// Applies sections, boilerplate and context (`SkillReading+Context`) to what `findForms` found.
    func resolve(_ found: [Found], regions: [Region]?) -> [Match] {
        var skills: [(found: Found, required: Bool)] = []
        for item in found where item.form < parts.cueBase {
            var required = true
            if let regions {
                let region = regions[item.first]
                if region.isBoilerplate { continue }
                required = !region.isOptional
            }
            skills.append((item, required))
        }
        var result: [Match] = []
        let candidates = skills.map(\.found)
        for (index, skill) in skills.enumerated() {
            let form = parts.trie.traits[skill.found.form]
            if form.isAmbiguous, !isMeantAsProduct(skill.found, among: candidates, at: index) { continue }
            result.append(Match(concept: form.concept, start: words[skill.found.first].start,
                                end: words[skill.found.last].end, isRequired: skill.required))
        }
        return result
    }

    /// A sentence opening with "no" and holding one of these asks for nothing: "No Java experience needed".
    private static let no = ByteWordSet(["no"])
    private static let notNeeded = ByteWordSet(["needed", "required", "necessary"])

    /// Words that end what a negation covers: "you don't need C++, but Python is a must".
    private static let contrastWords = ByteWordSet(["but", "however", "though", "although", "yet", "instead"])

    /// The words of `sentence` around `word` between contrast words: "Python is a must, but C++ is not required".
    private func clause(around word: Int, within sentence: Range<Int>) -> Range<Int> {
        let isContrast = { (index: Int) in self.word(index, isIn: Self.contrastWords) }
        let start = (sentence.lowerBound..<word).last(where: isContrast).map { $0 + 1 } ?? sentence.lowerBound
        let end = ((word + 1)..<sentence.upperBound).first(where: isContrast) ?? sentence.upperBound
        return start..<end
    }

    struct Region {
        var isBoilerplate = false
        var isOptional = false
    }

    /// For every word: whether it sits in boilerplate, and whether its sentence or section makes skills optional.
    func postingRegions(_ found: [Found]) -> [Region] {
        // Per word: the cue phrase starting there (-1: none) and the word it ends at.
        var cueAt = [Int32](repeating: -1, count: words.count)
        var cueEnd = [Int32](repeating: -1, count: words.count)
        // The longest cue at a word wins: "is a plus" says optional, where "is a" would open a company's description.
        for item in found where item.form >= parts.cueBase && Int32(item.last) > cueEnd[item.first] {
            cueAt[item.first] = Int32(item.form - parts.cueBase)
            cueEnd[item.first] = Int32(item.last)
        }
        func cue(at word: Int, _ test: (PostingCue) -> Bool) -> Bool {
            cueAt[word] >= 0 && parts.cues[Int(cueAt[word])].contains(where: test)
        }
        func has(_ range: Range<Int>, _ test: (PostingCue) -> Bool) -> Bool {
            range.contains { cue(at: $0, test) }
        }
        let isNiceToHave = { (cue: PostingCue) in if case .niceToHave = cue { true } else { false } }
        var skillStarts = [Bool](repeating: false, count: words.count)
        for item in found where item.form < parts.cueBase { skillStarts[item.first] = true }
        var regions = [Region](repeating: Region(), count: words.count)
        var section = PostingCue.Section.required
        var paragraphStart = 0
        var sawHeading = false
        let header = headerEnd()
        // The paragraph that opens the posting's text, after its header, is the one read as a company introduction.
        let opening = header < words.count ? openingParagraph(after: header) : 0
        let title = header > 0 ? titleEnd(headerEnd: header) : 0
        var lineStart = 0
        var sentenceStart = 0
        var index = 0
        while index <= words.count {
            let atEnd = index == words.count
            if atEnd || words[index].newSentence {
                if let optional = (sentenceStart..<index).first(where: { cue(at: $0, isNiceToHave) }) {
                    // "OSHA 10 (OSHA 30 preferred)": a cue inside parentheses makes only what they hold optional, and
                    // "account management, ideally in facilities management" only what follows the cue.
                    let covered = parenthesized(optional, within: sentenceStart..<index)
                        ?? qualifiedAfterComma(optional, within: sentenceStart..<index) ?? (sentenceStart..<index)
                    for word in covered { regions[word].isOptional = true }
                }
                // "German is not required", "No Java experience needed": the clause asks for nothing.
                if let negated = (sentenceStart..<index).first(where: { cue(at: $0, { if case .notAsked = $0 { true } else { false } }) }) {
                    for word in clause(around: negated, within: sentenceStart..<index) { regions[word].isBoilerplate = true }
                } else if index > sentenceStart, word(sentenceStart, isIn: Self.no),
                          (sentenceStart..<index).contains(where: { word($0, isIn: Self.notNeeded) }) {
                    for word in sentenceStart..<index { regions[word].isBoilerplate = true }
                }
                sentenceStart = index
            }
            // "You don't need to write C++ or Python": not asked for, up to the sentence's end or a "but".
            if !atEnd, cue(at: index, { if case .negation = $0 { true } else { false } }) {
                var word = index
                repeat {
                    regions[word].isBoilerplate = true
                    word += 1
                } while word < words.count && !words[word].newSentence
                    && !self.word(word, isIn: Self.contrastWords)
            }
            // "Preferred: Toast POS; CFA": a line that opens with a cue and a colon is optional to its end.
            if !atEnd, words[index].newLine, cue(at: index, isNiceToHave),
               Int(cueEnd[index]) + 1 < words.count,
               bytes[words[Int(cueEnd[index])].end..<words[Int(cueEnd[index]) + 1].start].contains(UInt8(ascii: ":")) {
                var word = index
                repeat { regions[word].isOptional = true; word += 1 } while word < words.count && !words[word].newLine
            }
            if atEnd || words[index].newLine {
                if has(lineStart..<index, { if case .benefits = $0 { true } else { false } }) {
                    for word in lineStart..<index { regions[word].isBoilerplate = true }
                }
                lineStart = index
            }
            if atEnd || words[index].newParagraph {
                let intro = paragraphStart == opening && sawHeading == false && index < words.count
                    && has(paragraphStart..<index, { if case .companyIntro = $0 { true } else { false } })
                if intro || has(paragraphStart..<index, { if case .boilerplateParagraph = $0 { true } else { false } }) {
                    for word in paragraphStart..<index { regions[word].isBoilerplate = true }
                }
                paragraphStart = index
            }
            if atEnd { break }
            if words[index].newLine, let kind = heading(at: index, cueAt: cueAt, cueEnd: cueEnd, skillStarts: skillStarts) {
                section = kind
                sawHeading = true
            } else if section == .boilerplate, index >= header, startsUnknownHeading(at: index) {
                // "Who we are" and then "What you'd be working on", "Person specification": a heading the cues do not
                // know still ends the company's or the benefits' section, or the rest of the posting would be lost.
                section = .required
            }
            // "About us: Lumen Health is …", "Company overview: …": the line is boilerplate, the section goes on.
            if words[index].newLine, inlineBoilerplateHeading(at: index, cueAt: cueAt, cueEnd: cueEnd) {
                var word = index
                repeat { regions[word].isBoilerplate = true; word += 1 } while word < words.count && !words[word].newLine
            }
            if section == .boilerplate || (index >= title && index < header) { regions[index].isBoilerplate = true }
            if section == .niceToHave { regions[index].isOptional = true }
            index += 1
        }
        return regions
    }

    /// Cues that qualify what follows them, not what came before ("Python, ideally Django").
    private static let forwardCues = ByteWordSet(["ideally", "preferably"])

    /// From cue `index` to the end of `sentence`, when the cue is "ideally" or "preferably" after a comma and
    /// something follows it: "B2B account management, ideally in facilities management" asks for account management.
    private func qualifiedAfterComma(_ index: Int, within sentence: Range<Int>) -> Range<Int>? {
        guard index > sentence.lowerBound, index + 1 < sentence.upperBound, word(index, isIn: Self.forwardCues),
              bytes[words[index - 1].end..<words[index].start].contains(UInt8(ascii: ",")) else { return nil }
        return index..<sentence.upperBound
    }

    /// The words inside the parentheses around word `index`, if it stands inside a pair within `range`.
    private func parenthesized(_ index: Int, within range: Range<Int>) -> Range<Int>? {
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")")
        let start = words[range.lowerBound].start
        guard let opening = bytes[start..<words[index].start].lastIndex(of: open),
              !bytes[opening..<words[index].start].contains(close) else { return nil }
        let end = words[range.upperBound - 1].end
        guard let closing = bytes[words[index].end..<min(end + 1, bytes.count)].firstIndex(of: close) else { return nil }
        let inside = range.filter { words[$0].start > opening && words[$0].end <= closing }
        guard let first = inside.first, let last = inside.last else { return nil }
        return first..<(last + 1)
    }

    /// The end of the job's title in the header: the first line up to a separator ("CDL Class A Driver | Haulwell
    /// | Ohio", "Data Analyst – Customer Insights"). A title often names the skill the job is about.
    func titleEnd(headerEnd: Int) -> Int {
        var index = 1
        while index < headerEnd, !words[index].newLine {
            let gap = words[index - 1].end..<words[index].start
            if Self.titleSeparators.contains(where: { bytes.contains($0, within: gap) }) { return index }
            index += 1
        }
        return index
    }

    /// The end of the posting's header: a first paragraph of at most six short lines, such as the title and
    /// "Company | City | Pay", or the title, the company and lines such as "Location: …". Past the title it names the company and the place; it does not ask for skills
    /// ("Spark Digital", "Redshift Logistics", "$19/hr DOE"). Zero when the text opens with prose.
    func headerEnd() -> Int {
        guard !words.isEmpty else { return 0 }
        var next = 1
        var lines = 1
        var lineStart = 0
        while next < words.count, !words[next].newParagraph {
            if words[next].newLine {
                // Header lines are short: a title, a company, "Location: …", "Pay: …".
                if next - lineStart > 25 { return 0 }
                lineStart = next
                lines += 1
                // A bulleted line makes the paragraph a list under a heading ("Requirements\n- Python").
                let gap = words[next - 1].end..<words[next].start
                if let lineStart = bytes[gap].lastIndex(of: UInt8(ascii: "\n")),
                   Self.bullets.contains(where: { bytes.contains($0, within: lineStart..<gap.upperBound) }) { return 0 }
            }
            next += 1
        }
        guard next < words.count, lines <= 6, next - lineStart <= 25 else { return 0 }
        return next
    }

    /// Words a heading may start with before its cue ("Our benefits", "The role", "Key skills").
    private static let headingLeads = ByteWordSet(["our", "the", "your", "key", "main", "additional", "other", "core"])
    /// What ends a title on the header's first line: "CDL Class A Driver | Haulwell", "Data Analyst – Customer Insights".
    private static let titleSeparators = ["|", "·", "–", "—", " - "].map { Array($0.utf8) }
    /// What opens a bulleted line.
    private static let bullets = ["-", "*", "•", "–", "▪", "◦"].map { Array($0.utf8) }

    /// Where the posting's own text opens after its header. A short paragraph of the header's kind of lines after
    /// it ("Lakeshore Family Dental — Mississauga, Ontario", "Full time | $120,000") is header too, so the company's
    /// introduction is the paragraph after that.
    func openingParagraph(after header: Int) -> Int {
        var start = header
        for _ in 0..<2 where start < words.count {
            var end = start + 1
            var lines = 1
            while end < words.count, !words[end].newParagraph {
                if words[end].newLine { lines += 1 }
                end += 1
            }
            let text = words[start].start..<words[end - 1].end
            guard end < words.count, end - start <= 15, lines <= 2,
                  Self.headerSeparators.contains(where: { bytes.contains($0, within: text) }),
                  !bytes[text].contains(UInt8(ascii: ".")) else { break }
            start = end
        }
        return start
    }

    private static let headerSeparators = ["—", "–", "|", "·", "•", ":", "$", "£", "€"].map { Array($0.utf8) }

    /// The section a line starts: a heading cue opening a short line that holds little else and names no skill
    /// ("Nice to have:", "Our benefits"); "Bonus: Kafka", "Kubernetes experience" and "Experience with Terraform"
    /// are lines of a section, not headings.
    private func heading(at start: Int, cueAt: [Int32], cueEnd: [Int32], skillStarts: [Bool]) -> PostingCue.Section? {
        // Most lines open with no cue: they are not headings, whatever they hold.
        guard cueAt[start] >= 0 || (start + 1 < words.count && cueAt[start + 1] >= 0) else { return nil }
        var end = start + 1
        while end < words.count, !words[end].newLine { end += 1 }
        guard !(start..<end).contains(where: { skillStarts[$0] }) else { return nil }
        for opener in (word(start, isIn: Self.headingLeads) ? [start, start + 1] : [start]) where opener < end && cueAt[opener] >= 0 {
            let last = Int(cueEnd[opener])
            for case .heading(let kind) in parts.cues[Int(cueAt[opener])] {
                let after = last + 1
                let inline = after < end && bytes[words[last].end..<words[after].start].contains(UInt8(ascii: ":"))
                if !inline, end - after <= 2 { return kind }
            }
        }
        return nil
    }

    /// Whether the line at `start` is set out as a heading: a short line of its own that opens with a capital, ends
    /// without a full stop and starts a paragraph or ends with a colon ("Job purpose", "Day to day you will:").
    private func startsUnknownHeading(at start: Int) -> Bool {
        guard Self.isUpper(bytes[words[start].start]) else { return false }
        let lineStart = (bytes[..<words[start].start].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        // A bulleted or numbered line is an item of the section ("- Free lunch"), not a heading; Markdown marks one
        // ("## Who you are", "**Day to day**").
        let lead = bytes[lineStart..<words[start].start]
        guard lead.allSatisfy({ $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: " ") }) || lead.elementsEqual("**".utf8) else { return false }
        var end = start + 1
        while end < words.count, !words[end].newLine { end += 1 }
        guard end < words.count, end - start <= 6 else { return false }
        // "Salary: £30,000", "Hours: 37.5 a week": a label and its value, not a heading.
        let line = bytes[words[start].start..<words[end - 1].end]
        guard !line.contains(UInt8(ascii: ":")), !line.contains(where: Self.isDigit) else { return false }
        let after = bytes[words[end - 1].end..<words[end].start]
        guard !after.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }) else { return false }
        let closesWithColon = after.first == UInt8(ascii: ":")
        return closesWithColon || words[start].newParagraph
    }

    /// A line that opens with a boilerplate heading and a colon, and goes on with its text on the same line.
    private func inlineBoilerplateHeading(at start: Int, cueAt: [Int32], cueEnd: [Int32]) -> Bool {
        guard cueAt[start] >= 0 else { return false }
        let last = Int(cueEnd[start])
        guard last + 1 < words.count, !words[last + 1].newLine,
              bytes[words[last].end..<words[last + 1].start].contains(UInt8(ascii: ":")) else { return false }
        return parts.cues[Int(cueAt[start])].contains { if case .heading(.boilerplate) = $0 { true } else { false } }
    }
}
