/// Whether an everyday word that is also a product's name ("Go", "Excel", "Spring", "Access") is meant as the product:
/// what the words around it, and the other skills near it, say.
extension SkillReading {
    /// Words that, near an everyday word, show it is meant as a product ("Excel skills", "proficient in R").
    static let technicalContext = ByteWordSet([
        "programming", "language", "languages", "experience", "experienced", "proficient", "proficiency", "knowledge",
        "familiarity", "familiar", "expertise", "skills", "skill", "developer", "developers", "engineer", "engineers",
        "development", "framework", "frameworks", "certified", "certification", "using", "tools", "stack", "advanced",
        "intermediate", "expert", "microsoft", "ms", "apache", "code", "coding", "scripts", "scripting", "spreadsheets",
        "formulas", "macros", "pivot", "vlookup", "emr", "ehr", "software", "platform", "library", "libraries",
        "written", "write", "services", "backend", "frontend", "applications", "apps", "proficiently",
        // Where software is the object of the work: "API tests with Postman", "our Jenkins pipelines".
        "api", "apis", "pipeline", "pipelines", "tests", "automate", "automated", "queries", "dashboards",
    ])

    /// Whether the everyday-word form at `item` names the product: it does not end a longer name, and its
    /// context is technical.
    func isMeantAsProduct(_ item: Found, among skills: [Found], at position: Int) -> Bool {
        !endsLongerName(item, among: skills) && hasTechnicalContext(item, among: skills, at: position)
    }

    /// Words after which a product's name, capitalised inside a sentence, is where the work is done ("in Epic",
    /// "workflows in Airflow", "via Jenkins"): an everyday word written so there is a name.
    static let toolPrepositions = ByteWordSet(["in", "into", "via", "within", "through"])

    /// A technical word within three words, another skill in the same sentence within a short list, or a
    /// capitalised name right after a tool preposition ("documented in Epic"), not before a year ("in Spring 2027").
    private func hasTechnicalContext(_ item: Found, among skills: [Found], at position: Int) -> Bool {
        if parts.trie.traits[item.form].isCased, item.first > 0, !words[item.first].newSentence,
           word(item.first - 1, isIn: Self.toolPrepositions),
           item.last + 1 >= words.count || !(48...57).contains(bytes[words[item.last + 1].start]) {
            return true
        }
        let lower = max(0, item.first - 3), upper = min(words.count - 1, item.last + 3)
        for index in lower...upper where index < item.first || index > item.last {
            // A word of another line ("Basic SEO knowledge" above "Spring/summer is our quietest season") says nothing.
            if word(index, isIn: Self.technicalContext), noWord(between: index, and: item.first, \.newLine) { return true }
        }
        for (other, neighbour) in skills.enumerated() where other != position {
            // Only a neighbour a few dozen words away can be near once its parentheses are left out.
            let (from, to) = neighbour.first > item.last ? (item.last, neighbour.first) : (neighbour.last, item.first)
            guard to > from, to - from <= 40 else { continue }
            let distance = distanceOutsideParentheses(from, to)
            guard distance <= 6, noWord(between: item.first, and: neighbour.first, \.newSentence) else { continue }
            // A neighbour of several words ("Microsoft Word") is a product whatever its one-word forms are.
            let unambiguous = !parts.trie.traits[neighbour.form].isAmbiguous || neighbour.first != neighbour.last
            let later = max(item.first, neighbour.first)
            // "Word, Excel and Outlook": the last of a list is joined by "and" or "or".
            let joined = distance == 2 && word(later - 1, isIn: Self.listJoiners)
            if unambiguous || words[later].listSeparated || joined { return true }
        }
        return false
    }

    /// An everyday-word name right after another capitalised word inside a sentence is the end of a longer name
    /// ("Conditional Access" is not Microsoft Access), unless that word is a skill or a technical word itself
    /// ("Microsoft Excel", "Apache Spark").
    private func endsLongerName(_ item: Found, among skills: [Found]) -> Bool {
        let before = item.first - 1
        // A capital that opens a sentence ("Strong Excel skills") says nothing about the word.
        guard before >= 0, !words[item.first].newSentence, !words[item.first].afterClauseMark, !words[before].newSentence,
              parts.trie.traits[item.form].isCased, Self.isUpper(bytes[words[before].start]),
              !word(before, isIn: Self.technicalContext) else { return false }
        return !skills.contains { $0.first <= before && before <= $0.last }
    }

    /// How many words on from `a` word `b` is, not counting words in parentheses between them: "Google Workspace
    /// (Gmail, Docs, Sheets) and Zoom" is a list of two, the parentheses say what the first one holds, and "React
    /// (hooks, React Query)" has its neighbour right after it.
    private func distanceOutsideParentheses(_ a: Int, _ b: Int) -> Int {
        var depth = 0
        var distance = 0
        for index in (a + 1)...b {
            for byte in bytes[words[index - 1].end..<words[index].start] {
                if byte == UInt8(ascii: "(") { depth += 1 } else if byte == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            }
            // Word `b` itself always counts: a skill in the parentheses is right next to the one they follow.
            if depth == 0 || index == b { distance += 1 }
        }
        return distance
    }

    /// Whether no word after the first of `a` and `b`, up to the second, starts what `opens` says (a line, a sentence).
    private func noWord(between a: Int, and b: Int, _ opens: KeyPath<Word, Bool>) -> Bool {
        let (from, to) = a < b ? (a, b) : (b, a)
        return from == to || !words[(from + 1)...to].contains { $0[keyPath: opens] }
    }
}
