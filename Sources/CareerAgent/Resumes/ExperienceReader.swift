import Foundation

/// Reads the experience section: each entry starts at a line holding a date range; its title and
/// employer are on that line or the one before it; the lines after it are its bullets.
enum ExperienceReader {
    static let titleWords: Set<String> = [
        "engineer", "developer", "manager", "analyst", "nurse", "specialist", "director", "lead", "assistant", "coordinator",
        "consultant", "designer", "associate", "intern", "technician", "officer", "representative", "administrator",
        "scientist", "accountant", "operator", "driver", "clerk", "supervisor", "architect", "head", "vp", "president",
        "founder", "cto", "ceo", "owner", "teacher", "instructor", "writer", "editor", "agent", "advisor", "executive",
        "recruiter", "therapist", "pharmacist", "physician", "worker", "associate", "cashier", "chef", "cook", "server",
        "mechanic", "electrician", "welder", "planner", "buyer", "controller", "auditor", "bookkeeper", "researcher",
        "programmer", "tester", "strategist", "marketer", "producer", "principal", "staff", "senior", "junior", "trainee",
        "apprentice", "picker", "packer", "handler", "loader", "receptionist", "secretary", "paralegal", "attorney",
    ]

    static func entries(in lines: [ResumeLines.Line]) -> [ExperienceEntry] {
        var entries: [ExperienceEntry] = []
        var consumed = Set<Int>()
        for (index, line) in lines.enumerated() where !line.isBlank && !line.isBullet {
            guard let range = DateRange.first(in: line.trimmed) else { continue }
            var heading = Self.removing(range.range, from: line.trimmed)
            var span = line.span
            var parts = Self.parts(of: heading)
            // "Senior Engineer" on one line and "Acme Corp, Austin  2019 – 2021" on the next.
            let needsTitle = parts.count < 2 || !parts.contains(where: isTitle)
            if needsTitle, index > 0, !consumed.contains(index - 1), !lines[index - 1].isBlank, !lines[index - 1].isBullet,
               ResumeSectionHeadings.kind(of: lines[index - 1].trimmed) == nil, DateRange.first(in: lines[index - 1].trimmed) == nil,
               parts.count < 2 || isTitle(lines[index - 1].trimmed) {
                heading = lines[index - 1].trimmed + " | " + heading
                parts = Self.parts(of: heading)
                span.start = lines[index - 1].start
                consumed.insert(index - 1)
            }
            consumed.insert(index)
            let titleIndex = parts.firstIndex(where: isTitle) ?? (parts.isEmpty ? nil : 0)
            let title = titleIndex.map { parts[$0] }
            let employer = parts.enumerated().first { $0.offset != titleIndex }?.element
            entries.append(ExperienceEntry(title: title, employer: employer, start: range.start, end: range.end,
                                           isCurrent: range.isCurrent, bullets: [], span: span))
        }
        // Every other non-blank line belongs to the entry above it.
        for (index, line) in lines.enumerated() where !line.isBlank && !consumed.contains(index) {
            guard let owner = entries.lastIndex(where: { $0.span.start <= line.start }) else { continue }
            entries[owner].bullets.append(ResumeLine(text: line.content, span: line.span))
        }
        return entries
    }

    static func isTitle(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { titleWords.contains(String($0)) }
    }

    /// The pieces of an entry's heading. Bars, dashes and " at " separate title from employer; commas do
    /// too when nothing else does ("Engineer, Acme Corp, Berlin" → ["Engineer", "Acme Corp", "Berlin"]).
    /// Beside a bar or a dash, a comma stays in the title ("Registered Nurse, Medical/Surgical | St. Agnes")
    /// and ends the employer ("Engineer | Acme Corp, Austin, TX" → ["Engineer", "Acme Corp"]).
    static func parts(of heading: String) -> [String] {
        let normalized = heading.replacingOccurrences(of: " at ", with: "|").replacingOccurrences(of: " @ ", with: "|")
        let groups = pieces(of: normalized, at: "|—–•·\t")
        guard groups.count >= 2 else { return joiningTitle(pieces(of: normalized, at: "|,—–•·\t")) }
        let titleGroup = groups.firstIndex(where: isTitle) ?? 0
        return groups.enumerated().compactMap { index, group in
            index == titleGroup ? group : pieces(of: group, at: ",").first
        }
    }

    /// Words that make a piece an organisation's name.
    static let organisationWords: Set<String> = [
        "inc", "llc", "ltd", "llp", "corp", "corporation", "company", "co", "gmbh", "group", "center", "centre", "hospital",
        "clinic", "university", "college", "school", "bank", "agency", "associates", "partners", "labs", "systems", "health",
        "services", "solutions", "foundation", "institute", "department", "office", "council", "authority", "plc",
    ]

    /// "Registered Nurse, Medical/Surgical, St. Agnes Regional Medical Center": with commas only, the pieces
    /// between the title and the first piece that names an organisation belong to the title.
    private static func joiningTitle(_ parts: [String]) -> [String] {
        guard parts.count >= 3, let title = parts.firstIndex(where: isTitle),
              let employer = parts.indices.first(where: { $0 > title + 1 && isOrganisation(parts[$0]) }),
              !parts[(title + 1)..<employer].contains(where: isOrganisation) else { return parts }
        return Array(parts[..<title]) + [parts[title...(employer - 1)].joined(separator: ", ")] + Array(parts[employer...])
    }

    static func isOrganisation(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { organisationWords.contains(String($0)) }
    }

    /// A date in parentheses is not part of a name: "Loyola University Chicago (2011)".
    private static let parenthesized = try! NSRegularExpression(pattern: "\\([^)]*\\d[^)]*\\)?")

    static func pieces(of text: String, at separators: String) -> [String] {
        let range = NSRange(location: 0, length: (text as NSString).length)
        return parenthesized.stringByReplacingMatches(in: text, range: range, withTemplate: " ")
            .split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " -()")) }
            .filter { !$0.isEmpty }
    }

    private static func removing(_ range: NSRange, from text: String) -> String {
        (text as NSString).replacingCharacters(in: range, with: " ").trimmingCharacters(in: .whitespaces)
    }
}
