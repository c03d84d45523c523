import Foundation

/// The rubric, one component per method; weights add up to 100.
extension AnalysisReport {
    mutating func score(sectionsOf resume: Resume) {
        let expected: [(ResumeSection.Kind, String)] = [(.summary, "summary"), (.experience, "experience"),
                                                       (.education, "education"), (.skills, "skills")]
        let present = expected.filter { section($0.0) != nil }
        let hasContact = resume.parsed.contact.email != nil || resume.parsed.contact.phone != nil
        let score = (present.count + (hasContact ? 1 : 0)) * 20
        components.append(ScoreComponent(name: "sections", score: score, weight: 15, evidence:
            present.map { "\($0.1) section: \"\(section($0.0)?.heading ?? $0.1)\"" } + (hasContact ? ["contact details at the top"] : [])))
        for (kind, name) in expected where section(kind) == nil {
            weaknesses.append(Finding(text: "No \(name) section was found; applicant tracking systems look for a heading named \"\(name.capitalized)\".", quote: nil))
            suggestions.append(Finding(text: "Add a section headed \"\(name.capitalized)\".", quote: nil))
        }
        if present.count == expected.count {
            strengths.append(Finding(text: "Every standard section is present and readable.", quote: headingQuote(.experience)))
        }
    }

    mutating func score(contactOf resume: Resume) {
        let contact = resume.parsed.contact
        let parts: [(String, String?)] = [("name", contact.name), ("email", contact.email), ("phone", contact.phone),
                                          ("location or profile link", contact.location ?? contact.links.first)]
        let found = parts.filter { $0.1 != nil }
        components.append(ScoreComponent(name: "contact details", score: found.count * 25, weight: 10,
                                         evidence: found.map { "\($0.0): \($0.1!)" }))
        for (name, value) in parts where value == nil {
            suggestions.append(Finding(text: "Add your \(name) at the top of the resume.", quote: nil))
        }
    }

    mutating func score(achievementsOf resume: Resume) {
        let lines = bullets
        let quantified = lines.filter { Self.isQuantified($0.text) }
        let ratio = lines.isEmpty ? 0 : Double(quantified.count) / Double(lines.count)
        components.append(ScoreComponent(name: "quantified achievements", score: Int((min(1, ratio / 0.5) * 100).rounded()),
                                         weight: 20, evidence: ["\(quantified.count) of \(lines.count) experience lines state a number"]
                                            + quantified.prefix(3).map { "\"\($0.text)\"" }))
        if let best = quantified.first {
            strengths.append(Finding(text: "Achievements are measured, as in this line.", quote: quote(best)))
        }
        for line in lines.filter({ !Self.isQuantified($0.text) }).prefix(3) {
            suggestions.append(Finding(text: "Say how much or how many: add a number, percentage or amount to this line.", quote: quote(line)))
        }
        if lines.isEmpty {
            weaknesses.append(Finding(text: "No experience lines were found to show results.", quote: headingQuote(.experience)))
        } else if ratio < 0.3 {
            weaknesses.append(Finding(text: "Few experience lines show a measurable result.", quote: quote(lines[0])))
        }
    }

    mutating func score(verbsOf resume: Resume) {
        let lines = bullets
        let strong = lines.filter { ActionVerbs.strong.contains(ActionVerbs.firstWord(of: $0.text)) }
        let weak = lines.filter { line in ActionVerbs.weakOpenings.contains { line.text.lowercased().hasPrefix($0) } }
        let ratio = lines.isEmpty ? 0 : Double(strong.count) / Double(lines.count)
        components.append(ScoreComponent(name: "action verbs", score: Int((min(1, ratio / 0.7) * 100).rounded()), weight: 15,
                                         evidence: ["\(strong.count) of \(lines.count) experience lines open with an action verb"]
                                            + strong.prefix(3).map { "\"\(ActionVerbs.firstWord(of: $0.text))\"" }))
        for line in weak.prefix(3) {
            weaknesses.append(Finding(text: "This line lists a duty instead of what you achieved.", quote: quote(line)))
            suggestions.append(Finding(text: "Open with what you did, such as \"Led\", \"Built\" or \"Reduced\", then the result.", quote: quote(line)))
        }
        if ratio >= 0.7, let first = strong.first {
            strengths.append(Finding(text: "Experience lines open with strong action verbs.", quote: quote(first)))
        }
    }

    mutating func score(lengthOf resume: Resume) {
        let words = resume.text.split(whereSeparator: { $0.isWhitespace }).count
        let years = resume.parsed.totalYearsOfExperience
        let ideal = years >= 10 ? 450...1_100 : 300...850
        let score: Int
        if ideal.contains(words) { score = 100 }
        else if words < ideal.lowerBound { score = max(20, 100 * words / ideal.lowerBound) }
        else { score = max(40, 100 - (words - ideal.upperBound) / 10) }
        components.append(ScoreComponent(name: "length", score: score, weight: 10,
                                         evidence: ["\(words) words; \(ideal.lowerBound)–\(ideal.upperBound) suits \(years >= 10 ? "ten or more" : "under ten") years of experience"]))
        if words < ideal.lowerBound {
            weaknesses.append(Finding(text: "At \(words) words the resume is short; recruiters read more on one or two pages.", quote: nil))
        } else if words > ideal.upperBound {
            suggestions.append(Finding(text: "At \(words) words the resume runs long; cut older or less relevant lines.", quote: nil))
        }
    }

    mutating func score(datesOf resume: Resume) {
        let entries = resume.parsed.experience
        var problems: [(String, TextSpan)] = []
        for entry in entries where entry.start == nil { problems.append(("This role has no dates.", entry.span)) }
        let dated = entries.filter { $0.start != nil }
        for (earlier, later) in zip(dated, dated.dropFirst()) where later.start! > earlier.start! {
            problems.append(("Roles are not in reverse chronological order here.", later.span))
        }
        let score = entries.isEmpty ? 0 : max(0, 100 - problems.count * 25)
        components.append(ScoreComponent(name: "dates", score: score, weight: 10, evidence: entries.isEmpty
            ? ["no dated roles found"] : ["\(dated.count) of \(entries.count) roles dated", "\(resume.parsed.totalYearsOfExperience) years of experience"]))
        for (text, span) in problems.prefix(3) { weaknesses.append(Finding(text: text, quote: quote(span))) }
    }

    mutating func score(keywordsOf resume: Resume, against target: ResumeAnalyzer.Target?, naming name: (ExtractedSkill) -> String) {
        let owned = Set(resume.parsed.skills.map { name($0).lowercased() })
        guard let target, !target.skills.isEmpty else {
            let count = resume.parsed.skills.count
            components.append(ScoreComponent(name: "keyword coverage", score: min(100, count * 100 / 10), weight: 20,
                                             evidence: ["\(count) recognised skills: " + resume.parsed.skills.prefix(10).map(\.concept.name).joined(separator: ", ")]))
            if count < 6 { suggestions.append(Finding(text: "Name the tools and skills you use in a Skills section.", quote: headingQuote(.skills))) }
            return
        }
        let matched = target.skills.filter { owned.contains($0.lowercased()) }
        let missing = target.skills.filter { !owned.contains($0.lowercased()) }
        components.append(ScoreComponent(name: "keyword coverage", score: matched.count * 100 / target.skills.count, weight: 20,
                                         evidence: ["\(matched.count) of \(target.skills.count) skills \(target.label) asks for",
                                                    "found: " + matched.joined(separator: ", "), "missing: " + missing.joined(separator: ", ")]))
        for asked in matched.prefix(3) {
            if let mention = resume.parsed.skills.first(where: { name($0).lowercased() == asked.lowercased() })?.mentions.first {
                strengths.append(Finding(text: "Names \(asked), which \(target.label) asks for.",
                                         quote: Finding.Quote(text: mention.text, start: mention.start, end: mention.end)))
            }
        }
        if !missing.isEmpty {
            weaknesses.append(Finding(text: "\(target.label.prefix(1).uppercased() + target.label.dropFirst()) asks for skills the resume does not name: \(missing.prefix(8).joined(separator: ", ")).",
                                      quote: headingQuote(.skills)))
            suggestions.append(Finding(text: "If you have them, name \(missing.prefix(5).joined(separator: ", ")) where you used them.",
                                       quote: headingQuote(.skills)))
        }
    }

    /// A line states a quantity: a digit, a percentage, an amount.
    static func isQuantified(_ text: String) -> Bool {
        text.contains { $0.isNumber } || text.contains("%") || text.contains("$") || text.contains("€") || text.contains("£")
    }
}
