extension SkillReading {
    /// Words that, near an everyday word, show it is meant as a product ("Excel skills", "proficient in R").
    static let technicalContext: Set<String> = [
        "programming", "language", "languages", "experience", "experienced", "proficient", "proficiency", "knowledge",
        "familiarity", "familiar", "expertise", "skills", "skill", "developer", "developers", "engineer", "engineers",
        "development", "framework", "frameworks", "certified", "certification", "using", "tools", "stack", "advanced",
        "intermediate", "expert", "microsoft", "ms", "apache", "code", "coding", "scripts", "scripting", "spreadsheets",
        "formulas", "macros", "pivot", "vlookup", "emr", "ehr", "software", "platform", "library", "libraries",
        "written", "write", "services", "backend", "frontend", "applications", "apps", "proficiently",
    ]

    /// Applies sections, boilerplate and context to what `findForms` found.
    func resolve(_ found: [Found]) -> [Match] {
        let regions = kind == .posting ? postingRegions(found) : nil
        var skills: [(found: Found, required: Bool)] = []
        for item in found where item.form < extractor.cueBase {
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
            let form = extractor.taxonomy.forms[skill.found.form]
            if form.isAmbiguous, !hasTechnicalContext(skill.found, among: candidates, at: index) { continue }
            result.append(Match(concept: form.concept, start: words[skill.found.first].start,
                                end: words[skill.found.last].end, isRequired: skill.required))
        }
        return result
    }

    /// A technical word within three words, or another skill in the same sentence within a short list.
    private func hasTechnicalContext(_ item: Found, among skills: [Found], at position: Int) -> Bool {
        let lower = max(0, item.first - 3), upper = min(words.count - 1, item.last + 3)
        for index in lower...upper where index < item.first || index > item.last {
            let word = words[index]
            guard word.end - word.start <= 16 else { continue }
            let folded = String(decoding: bytes[word.start..<word.end], as: UTF8.self).lowercased()
            if Self.technicalContext.contains(folded) { return true }
        }
        for (other, neighbour) in skills.enumerated() where other != position {
            let distance = neighbour.first > item.last ? neighbour.first - item.last : item.first - neighbour.last
            guard distance > 0, distance <= 6, sameSentence(item.first, neighbour.first) else { continue }
            let unambiguous = !extractor.taxonomy.forms[neighbour.form].isAmbiguous
            let later = max(item.first, neighbour.first)
            if unambiguous || words[later].listSeparated { return true }
        }
        return false
    }

    private func sameSentence(_ a: Int, _ b: Int) -> Bool {
        let (from, to) = a < b ? (a, b) : (b, a)
        for index in (from + 1)...to where words[index].newSentence { return false }
        return true
    }

    struct Region {
        var isBoilerplate = false
        var isOptional = false
    }

    /// For every word: whether it sits in boilerplate, and whether its sentence or section makes skills optional.
    private func postingRegions(_ found: [Found]) -> [Region] {
        // Per word: the cue phrase starting there (-1: none) and the word it ends at.
        var cueAt = [Int32](repeating: -1, count: words.count)
        var cueEnd = [Int32](repeating: -1, count: words.count)
        for item in found where item.form >= extractor.cueBase {
            cueAt[item.first] = Int32(item.form - extractor.cueBase)
            cueEnd[item.first] = Int32(item.last)
        }
        func has(_ range: Range<Int>, _ test: (PostingCue) -> Bool) -> Bool {
            range.contains { cueAt[$0] >= 0 && extractor.cues[Int(cueAt[$0])].contains(where: test) }
        }
        var regions = [Region](repeating: Region(), count: words.count)
        var section = PostingCue.Section.required
        var paragraphStart = 0
        var lineStart = 0
        var sentenceStart = 0
        var index = 0
        while index <= words.count {
            let atEnd = index == words.count
            if atEnd || words[index].newSentence {
                if has(sentenceStart..<index, { if case .niceToHave = $0 { true } else { false } }) {
                    for word in sentenceStart..<index { regions[word].isOptional = true }
                }
                sentenceStart = index
            }
            if atEnd || words[index].newLine {
                if has(lineStart..<index, { if case .benefits = $0 { true } else { false } }) {
                    for word in lineStart..<index { regions[word].isBoilerplate = true }
                }
                lineStart = index
            }
            if atEnd || words[index].newParagraph {
                if has(paragraphStart..<index, { if case .boilerplateParagraph = $0 { true } else { false } }) {
                    for word in paragraphStart..<index { regions[word].isBoilerplate = true }
                }
                paragraphStart = index
            }
            if atEnd { break }
            if words[index].newLine, let kind = heading(at: index, cueAt: cueAt, cueEnd: cueEnd) {
                section = kind
            }
            if section == .boilerplate { regions[index].isBoilerplate = true }
            if section == .niceToHave { regions[index].isOptional = true }
            index += 1
        }
        return regions
    }

    /// The section a line starts: a heading cue opening a short line that holds little else
    /// ("Nice to have:", "Our benefits"); "Bonus: Kafka" on one line is a sentence, not a heading.
    private func heading(at start: Int, cueAt: [Int32], cueEnd: [Int32]) -> PostingCue.Section? {
        var end = start + 1
        while end < words.count, !words[end].newLine { end += 1 }
        for opener in [start, start + 1] where opener < end && cueAt[opener] >= 0 {
            let last = Int(cueEnd[opener])
            for case .heading(let kind) in extractor.cues[Int(cueAt[opener])] {
                let after = last + 1
                let inline = after < end && bytes[words[last].end..<words[after].start].contains(UInt8(ascii: ":"))
                if !inline, end - after <= 2 { return kind }
            }
        }
        return nil
    }
}
