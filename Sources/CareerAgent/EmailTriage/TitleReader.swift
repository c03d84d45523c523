import Foundation

/// Finds the role a message is about: "for the Senior Backend Engineer position", "Interview: Data
/// Analyst", "your application for Job Requisition R-1234 Nurse Practitioner", "au poste de Développeur
/// iOS", "als Softwareentwickler (m/w/d)". A candidate must read as a role (see `TitleWords`).
struct TitleReader {
    /// Phrases after which a title follows.
    static let openings = [
        "for the position of ", "for the role of ", "for the post of ", "position of ", "role of ", "the position of ",
        "application for the ", "application for ", "applied for the ", "applied for ", "applying for the ", "applying for ",
        "interest in the ", "interest in our ", "for the ", "for our ", "for a ", "for an ", "as a ", "as an ", "as our ", "as ",
        "position: ", "role: ", "job title: ", "title: ", "position - ", "req: ", "requisition: ", "opening: ", "job: ",
        "interview for ", "interview: ", "invitation: ", "interview - ", "offer for ", "offer - ", "the ", "our ",
        "bewerbung als ", "bewerbung fur die position ", "bewerbung auf die stelle ", "position als ", "stelle als ", "position ",
        "als ", "au poste de ", "pour le poste de ", "poste de ", "poste d'", "candidature au poste de ", "en tant que ",
        "al puesto de ", "para el puesto de ", "puesto de ", "la posicion de ", "vacante de ", "como ", "voor de functie van ",
        "voor de functie ", "functie van ", "functie als ", "vacature ", "para a vaga de ", "vaga de ", "cargo de ", "posicao de ",
    ]

    /// Words that end a title: what follows a role in a sentence.
    static let closings: Set<String> = [
        "position", "role", "opening", "job", "vacancy", "at", "with", "in", "on", "here", "and", "we", "is", "has", "was", "bei",
        "stelle", "position", "chez", "au", "en", "poste", "puesto", "vacante", "bij", "functie", "vaga", "na", "no", "posicao",
        "interview", "team", "req", "requisition", "-", "–", "|", "(", "opportunity", "that", "which", "who", "to", "you", "have",
        "we're", "would", "will", "for", "has", "were", "are", "from", "via", "und", "et", "y", "e", "en", "bij", "dans", "para",
        "da", "do", "del", "der", "des", "das", "dieser", "just", "decision", "take-home", "exercise", "assessment", "update",
        "based", "if", "que", "qui", "die", "het", "van", "im", "am", "um", "beim",
    ]

    func read(_ message: TriageMessage) -> TriageValue<String>? {
        var candidates: [(title: String, weight: Double, evidence: TriageEvidence)] = []
        let subject = TriageMessage.strippingReplyPrefixes(message.subject)
        for title in titles(in: subject) { candidates.append((title, 2.5, TriageEvidence(.subject, subject))) }
        // A subject that is the title between separators: "Senior Data Engineer - Acme", "Acme | Staff Engineer"
        for separator in [" - ", " – ", " | ", ": ", " — ", " at ", " @ "] {
            for part in subject.components(separatedBy: separator) where subject.contains(separator) {
                let trimmed = Self.trimmed(part)
                if TitleWords.isTitle(trimmed), trimmed.split(separator: " ").count <= 7, Self.isTitleCase(trimmed), !Self.isSentence(trimmed) {
                    candidates.append((trimmed, 2, TriageEvidence(.subject, subject)))
                }
            }
        }
        for event in message.calendars {
            for title in titles(in: event.summary ?? "") { candidates.append((title, 1.5, TriageEvidence(.calendar, event.summary ?? ""))) }
        }
        for title in titles(in: String(message.body.prefix(3000))) { candidates.append((title, 1.5, TriageEvidence(.body, title))) }
        // Without an announcing phrase: a capitalised phrase ending in a role word ("… our Customer Support Specialist team").
        for title in Self.rolePhrases(in: subject) { candidates.append((title, 1.2, TriageEvidence(.subject, subject))) }
        for title in Self.rolePhrases(in: String(message.body.prefix(2000))) { candidates.append((title, 0.8, TriageEvidence(.body, title))) }
        candidates = candidates.compactMap { candidate in
            Self.cleaned(candidate.title).map { ($0, candidate.weight, candidate.evidence) }
        }
        guard !candidates.isEmpty else { return nil }
        var scores: [String: (title: String, score: Double, evidence: [TriageEvidence])] = [:]
        for candidate in candidates {
            let key = TriageMessage.fold(candidate.title)
            var entry = scores[key] ?? (candidate.title, 0, [])
            entry.score += candidate.weight
            if entry.evidence.count < 3 { entry.evidence.append(candidate.evidence) }
            scores[key] = entry
        }
        // Longer readings of the same title ("Senior Backend Engineer" over "Backend Engineer") take the shorter's votes.
        for (key, entry) in scores {
            for (other, shorter) in scores where other != key && key.contains(other) && key.count > other.count {
                scores[key]!.score = max(scores[key]!.score, entry.score + shorter.score * 0.9)
            }
        }
        guard let best = scores.values.max(by: { $0.score < $1.score || ($0.score == $1.score && $0.title.count < $1.title.count) }) else { return nil }
        let confidence = min(0.95, 0.45 + best.score / 10)
        return TriageValue(best.title, confidence: (confidence * 100).rounded() / 100, evidence: best.evidence)
    }

    /// Runs of capitalised words ending in a role word, with a level after it ("II", "Jr"): "Warehouse Systems Analyst".
    static func rolePhrases(in text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map { String($0) }
            for (index, word) in words.enumerated() {
                let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()[]\"'"))
                guard let head = clean.first, head.isUppercase, TitleWords.roles.contains(TriageMessage.fold(clean)) else { continue }
                var start = index
                while start > 0, index - start < 5 {
                    let previous = words[start - 1]
                    guard let first = previous.first, first.isUppercase || ["&", "-", "of", "de", "/"].contains(previous),
                          !previous.hasSuffix(".") && !previous.hasSuffix(",") && !previous.hasSuffix(":") else { break }
                    start -= 1
                }
                var end = index
                if index + 1 < words.count, ["I", "II", "III", "IV", "Jr", "Sr", "Jr.", "Sr."].contains(words[index + 1]) { end = index + 1 }
                guard end > start || clean.count >= 6 else { continue }
                let phrase = words[start...end].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()[]\"'"))
                if let cleaned = cleaned(phrase), !isSentence(cleaned), !CompanyReader.looksLikePersonName(cleaned) { found.append(cleaned) }
            }
        }
        return found
    }

    /// Titles that follow an opening phrase in `text`.
    func titles(in text: String) -> [String] {
        var found: [String] = []
        let lowered = TriageMessage.foldKeepingLength(text)
        let characters = Array(text)
        guard Array(lowered).count == characters.count else { return [] }
        let loweredCharacters = Array(lowered)
        for opening in Self.openings {
            var searchStart = lowered.startIndex
            while let range = lowered.byteRange(of: opening, from: searchStart) {
                searchStart = range.upperBound
                let start = lowered.distance(from: lowered.startIndex, to: range.upperBound)
                let openingStart = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                if openingStart > 0, loweredCharacters[openingStart - 1].isLetter { continue }
                if let title = title(startingAt: start, in: characters), !found.contains(title) { found.append(title) }
            }
        }
        return found
    }

    /// Words from `start` until a closing word, a line end or punctuation; kept when it reads as a role.
    private func title(startingAt start: Int, in characters: [Character]) -> String? {
        var words: [String] = []
        var index = start
        var current = ""
        func takeWord() -> Bool {
            defer { current = "" }
            guard !current.isEmpty else { return true }
            let folded = TriageMessage.fold(current)
            if Self.closings.contains(folded) && !words.isEmpty { return false }
            words.append(current)
            return words.count < 8
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\n" || ",;:!?\"“”|<>".contains(character) || (character == "(" && !words.isEmpty) {
                break
            }
            if character == "." {
                // "Sr. Engineer", "Node.js Developer": a dot inside or after an abbreviation stays.
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if next.isLetter || ["Sr", "Jr", "St"].contains(current) { current.append(character); index += 1; continue }
                break
            }
            if character == " " || character == "\t" {
                if !takeWord() { return finish(words) }
            } else if (character == "-" || character == "–") && current.isEmpty {
                // " - " ends a title; "Full-Stack" does not.
                break
            } else {
                current.append(character)
            }
            index += 1
        }
        _ = takeWord()
        return finish(words)
    }

    private func finish(_ words: [String]) -> String? {
        var words = words
        while let last = words.last, Self.closings.contains(TriageMessage.fold(last)) || ["a", "an", "the"].contains(last.lowercased()) { words.removeLast() }
        let title = Self.trimmed(words.joined(separator: " "))
        guard !title.isEmpty, title.count <= 80, TitleWords.isTitle(title) else { return nil }
        // A title starts with a capital (or a number-free lowercase word in languages that write roles in lower case).
        guard let first = title.first, first.isUppercase || first.isNumber else { return nil }
        guard !Self.isSentence(title) else { return nil }
        return title
    }

    /// A candidate without what surrounds titles in subjects and templates: "Interview Invitation: X",
    /// "Acme - X", "X role at Acme", "X interview (Jane Doe)", "X (Req #2026-1187)", "X take-home exercise".
    static func cleaned(_ title: String) -> String? {
        var text = title
        // Parentheses holding a number, a requisition or a person's name.
        while let open = text.lastIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            let inside = String(text[text.index(after: open)..<close])
            let isNoise = inside.contains(where: \.isNumber) || inside.lowercased().contains("req") || inside == "HM"
                || inside.first?.isLowercase == true
                || CompanyReader.looksLikePersonName(inside) || inside.range(of: #"^[A-Z]\. [A-Z][a-z]+$"#, options: .regularExpression) != nil
            guard isNoise else { break }
            text.removeSubrange(open...close)
            text = text.trimmingCharacters(in: .whitespaces)
        }
        // Of parts split by dashes, colons and bars, the one that reads as a role and is not a person or a greeting.
        for separator in [" - ", " – ", ": ", " | ", " — "] where text.contains(separator) {
            let parts = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            let announcements = ["interview", "invitation", "update", "bewerbung", "application", "candidature"]
            let roles = parts.filter { part in
                TitleWords.isTitle(part) && !isSentence(part) && !CompanyReader.looksLikePersonName(part)
                    && !announcements.contains { TriageMessage.fold(part).hasPrefix($0) }
            }
            if let role = roles.first, roles.count < parts.count { text = role }
        }
        let folded = TriageMessage.foldKeepingLength(text)
        // Leading words that announce the title.
        for opening in ["vacante ", "oportunidad ", "oportunidade ", "vaga ", "stelle ", "poste ", "opportunity ", "role ", "position ",
                        "update regarding ", "ihre bewerbung als ", "bewerbung als ", "interview invitation ", "virtual interview for ",
                        "interview for ", "invitation to interview for ", "application for ", "your application for "] where folded.hasPrefix(opening) {
            text = String(text.dropFirst(opening.count))
        }
        // Trailing words that follow a title in a sentence.
        let lowered = TriageMessage.foldKeepingLength(text)
        for ending in [" role at ", " role with ", " position at ", " at ", " with ", " @ ", " role", " position", " interview", " take-home",
                       " online assessment", " assessment", " decision", " opening", " job", " vacancy", " - interview"] {
            if let range = lowered.range(of: ending) {
                let offset = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                let head = String(text.prefix(offset))
                if TitleWords.isTitle(head) { text = head; break }
            }
        }
        let result = trimmed(text).replacingOccurrences(of: "  ", with: " ")
        return result.isEmpty || !TitleWords.isTitle(result) ? nil : result
    }

    /// "(m/w/d)", "(f/m/x)", requisition numbers and stray punctuation are not part of a title.
    static func trimmed(_ text: String) -> String {
        var title = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'“”‘’.,:;!?[]|-–—*")))
        for marker in ["(m/w/d)", "(w/m/d)", "(m/f/d)", "(f/m/x)", "(m/w/x)", "(h/f)", "(f/h)", "(m/f)", "(all genders)", "m/w/d", "(H/F)", "(M/W/D)"] {
            title = title.replacingOccurrences(of: marker, with: "")
        }
        // "R-12345 Nurse Practitioner", "Req #1234 - Analyst"
        let words = title.split(separator: " ")
        if let first = words.first, first.contains(where: \.isNumber), first.count <= 12, words.count > 1 {
            title = words.dropFirst().joined(separator: " ")
        }
        return title.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "-–,( ")))
    }

    static func isTitleCase(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        let capitalised = words.filter { $0.first?.isUppercase == true || $0.first?.isNumber == true }.count
        return capitalised * 2 >= words.count
    }

    /// A clause rather than a title: "we would like to invite you".
    static func isSentence(_ text: String) -> Bool {
        let folded = " " + TriageMessage.fold(text) + " "
        return [" you ", " we ", " your ", " our ", " i ", " us ", " will ", " would ", " please ", " thank ", " sie ", " vous ", " je ",
                " nous "].contains { folded.contains($0) }
    }
}
