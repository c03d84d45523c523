import Foundation

/// Where a message names its employer: after "applying to", "at", "join", "on behalf of", before
/// "team", at a subject's edges, in the signature. A name is a run of capitalised words.
enum CompanyPatterns {
    /// Phrases after which the employer's name follows, in the message's own case, folded.
    static let before = [
        "applying to ", "applied to ", "application to ", "application at ", "application with ", "applying at ", "applying for a role at ",
        "interest in joining ", "interest in working at ", "interest in working for ", "interest in ", "position at ", "role at ",
        "opportunity at ", "opportunities at ", "career at ", "careers at ", "here at ", "everyone at ", "team at ", "us at ", "join ",
        "joining ", "on behalf of ", "welcome to ", "offer from ", "interview with ", "interviewing with ", "interview at ",
        "recruiter at ", "recruiter for ", "recruiting for ", "talent acquisition at ", "work at ", "working at ", "hiring at ",
        "bewerbung bei ", "interesse an ", "bei der ", "bei ", "chez ", "candidature chez ", "au sein de ", "rejoindre ", "en la empresa ",
        "unirte a ", "trabajar en ", "bij ", "solliciteren bij ", "na empresa ", "trabalhar na ", "trabalhar no ", "juntar-se a ",
        "from the ", "at ",
    ]

    /// Phrases before which the name comes: "the Acme team", "Acme Talent Acquisition".
    static let after = [" team", " recruiting", " talent acquisition", " talent team", " hiring team", " people team", " careers",
                        " recruitment", " is hiring", " hr", "-team", " personalabteilung", " rh"]

    static func names(in subject: String) -> [String] {
        var found = namesAfterTriggers(subject).map(\.0)
        // "Acme - Interview invitation", "Interview invitation - Acme", "Acme | Senior Engineer", "Acme: your application"
        for separator in [" - ", " – ", " | ", ": ", " — "] {
            let parts = subject.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            for part in [parts.first!, parts.last!] {
                let trimmed = CompanyReader.clean(part)
                if let name = capitalisedRun(Substring(trimmed), maxWords: 4), name.count == trimmed.count, !looksLikeSubjectWords(name) {
                    found.append(name)
                }
            }
        }
        return found
    }

    static func namesInBody(_ body: String) -> [(String, String)] {
        namesAfterTriggers(String(body.prefix(4000)))
    }

    /// Names in the lines after a sign-off ("Best,", "Kind regards,", "Mit freundlichen Grüßen").
    static func signatureNames(_ body: String) -> [String] {
        let lines = body.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let signOffs = ["best", "regards", "kind regards", "best regards", "thanks", "thank you", "cheers", "sincerely", "warm regards",
                        "all the best", "mit freundlichen grußen", "mit freundlichen grussen", "viele grusse", "beste grusse", "cordialement",
                        "bien cordialement", "saludos", "un saludo", "atentamente", "met vriendelijke groet", "groeten", "atenciosamente",
                        "abracos", "best wishes", "many thanks"]
        guard let signOff = lines.lastIndex(where: { line in
            let folded = TriageMessage.fold(line).trimmingCharacters(in: CharacterSet(charactersIn: ",.!- "))
            return signOffs.contains(folded)
        }) else { return [] }
        var names: [String] = []
        for line in lines[(signOff + 1)...].prefix(5) where !line.isEmpty {
            for part in line.components(separatedBy: CharacterSet(charactersIn: "|·•,")) {
                let trimmed = CompanyReader.clean(part)
                guard let name = capitalisedRun(Substring(trimmed), maxWords: 4), name.count == trimmed.count else { continue }
                if CompanyReader.looksLikePersonName(name) || TitleWords.isTitle(name) || looksLikeSubjectWords(name) { continue }
                let stripped = name.replacingOccurrences(of: " Talent Acquisition", with: "").replacingOccurrences(of: " Recruiting", with: "")
                    .replacingOccurrences(of: " Team", with: "")
                names.append(stripped)
            }
        }
        return names
    }

    private static func namesAfterTriggers(_ text: String) -> [(String, String)] {
        var found: [(String, String)] = []
        let lowered = TriageMessage.foldKeepingLength(text)
        let characters = Array(text)
        let loweredCharacters = Array(lowered)
        guard characters.count == loweredCharacters.count else { return [] }
        for trigger in before {
            var searchStart = lowered.startIndex
            while let range = lowered.byteRange(of: trigger, from: searchStart) {
                searchStart = range.upperBound
                let start = lowered.distance(from: lowered.startIndex, to: range.upperBound)
                let triggerStart = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                // A trigger starts a word: "at " is not the end of "chat ".
                if triggerStart > 0, characters[triggerStart - 1].isLetter { continue }
                guard let name = capitalisedRun(Substring(String(characters[start...].prefix(80))), maxWords: 5) else { continue }
                if looksLikeSubjectWords(name) { continue }
                let context = String(characters[triggerStart..<min(characters.count, start + name.count)])
                found.append((name, context))
            }
        }
        for trigger in after {
            var searchStart = lowered.startIndex
            while let range = lowered.byteRange(of: trigger, from: searchStart) {
                searchStart = range.upperBound
                let end = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                let afterEnd = lowered.distance(from: lowered.startIndex, to: range.upperBound)
                if afterEnd < characters.count, characters[afterEnd].isLetter { continue }
                let prefix = String(characters[max(0, end - 60)..<end])
                guard let name = capitalisedRunEnding(prefix, maxWords: 4), !looksLikeSubjectWords(name) else { continue }
                found.append((name, name + String(characters[end..<afterEnd])))
            }
        }
        return found
    }

    /// Runs of capitalised words whose letters spell `key` (a domain's label), or start with it:
    /// "Grupo Solana" for "gruposolana", "Granite Peak Cloud" for "granitepeak".
    static func namesSpelling(_ key: String, in texts: [String]) -> [String] {
        guard key.count >= 4 else { return [] }
        var found: [String] = []
        for text in texts {
            for line in text.split(separator: "\n").prefix(400) {
                let words = line.split(separator: " ")
                for start in words.indices {
                    guard let first = words[start].first, first.isUppercase else { continue }
                    var letters = ""
                    var run: [Substring] = []
                    for word in words[start...].prefix(5) {
                        let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()[]|\"'’"))
                        guard let head = clean.first, head.isUppercase || head.isNumber || clean == "&" || clean == "de" || clean == "of" else { break }
                        let extending = letters.count >= key.count
                        // Past the domain's letters only words of an organisation's name: "Granite Peak Cloud", "… Technologies".
                        if extending, !organisationWords.contains(TriageMessage.fold(clean)) { break }
                        run.append(Substring(clean))
                        let part = clean == "&" && !key.hasPrefix(letters) ? "" : CompanyReader.key(clean)
                        letters += clean == "&" && key.hasPrefix(letters + "and") ? "and" : part
                        if letters == key || (letters.hasPrefix(key) && letters.count > key.count) {
                            found.append(run.joined(separator: " "))
                        }
                        if !key.hasPrefix(letters) && !letters.hasPrefix(key) { break }
                        if word.hasSuffix(".") || word.hasSuffix(",") { break }
                    }
                }
            }
        }
        return found
    }

    /// The longest run of capitalised words that starts with `name` and adds at most three words that
    /// are not a department's ("Summit Peak" → "Summit Peak Outfitters", not "Summit Peak Recruiting").
    static func longestForm(of name: String, in texts: [String]) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard let first = words.first, first.count >= 2 else { return nil }
        var best: String?
        for text in texts {
            var searchStart = text.startIndex
            while let range = text.byteRange(of: name, from: searchStart) {
                searchStart = range.upperBound
                if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)].isLetter { continue }
                var extra: [String] = []
                var rest = text[range.upperBound...]
                while extra.count < 3 {
                    guard rest.first == " " else { break }
                    rest = rest.dropFirst()
                    let word = rest.prefix { !$0.isWhitespace && !",;:!?()[]|\"".contains($0) }
                    let clean = word.hasSuffix(".") && !["Inc.", "Co.", "Ltd.", "Corp."].contains(String(word)) ? word.dropLast() : word
                    guard let head = clean.first, head.isUppercase || clean == "&", !clean.isEmpty,
                          !CompanyReader.trailingNoise.contains(TriageMessage.fold(String(clean))) else { break }
                    extra.append(String(clean))
                    rest = rest.dropFirst(word.count)
                    if word.hasSuffix(".") && clean.count == word.count - 1 { break }
                }
                while let last = extra.last, last == "&" { extra.removeLast() }
                // A name followed by a sentence's next word is not longer: only organisation words extend it.
                while let last = extra.last, !organisationWords.contains(TriageMessage.fold(last)) && extra.count > 0,
                      !extra.allSatisfy({ organisationWords.contains(TriageMessage.fold($0)) || $0.first?.isUppercase == true && $0.count > 2 }) {
                    extra.removeLast()
                }
                if !extra.isEmpty, extra.allSatisfy({ organisationWords.contains(TriageMessage.fold($0)) }) {
                    let candidate = ([name] + extra).joined(separator: " ")
                    if candidate.count > (best ?? name).count { best = candidate }
                }
            }
        }
        return best
    }

    /// Words that end an organisation's name after its distinctive part.
    static let organisationWords: Set<String> = [
        "technologies", "technology", "tech", "software", "softworks", "systems", "solutions", "labs", "lab", "group", "holdings", "cloud",
        "analytics", "payments", "bank", "insurance", "energy", "health", "healthcare", "medical", "center", "centre", "clinic",
        "hospital", "foods", "food", "retail", "logistics", "robotics", "mobility", "fintech", "games", "studios", "studio", "media",
        "security", "capital", "partners", "consulting", "research", "bio", "biotech", "pharma", "therapeutics", "aerospace", "motors",
        "airlines", "hotels", "group", "inc", "llc", "ltd", "gmbh", "ag", "corp", "co", "company", "b.v.", "bv", "s.a.", "sa", "plc",
        "llp", "pvt", "international", "global", "digital", "data", "networks", "industries", "manufacturing", "coffee", "roasters",
        "carpentry", "construction", "credit", "union", "university", "school", "college", "foundation", "agency", "staffing", "talent",
        "versicherung", "alimentos", "seguros", "tecnologia", "tecnologias", "installatietechniek", "logistiek", "components",
        "outfitters", "constructors", "costruzioni", "supermarkets", "nursing", "heating", "plumbing", "hospital", "regional", "fund",
        "home", "goods", "society", "building", "ports", "freight", "haulage", "hotels", "resorts", "transport", "transportes",
        "&", "labs", "works", "partners", "associates", "brands", "services", "store", "stores", "markets", "farms", "dairy",
        "personalberatung", "school", "insurance", "bank", "mutual", "trust",
    ]

    /// Words that start a sentence or a subject and are not names.
    static func looksLikeSubjectWords(_ name: String) -> Bool {
        let first = TriageMessage.fold(String(name.split(separator: " ").first ?? ""))
        let stop: Set<String> = ["your", "our", "the", "interview", "application", "thank", "thanks", "invitation", "re", "fwd", "update",
                                 "next", "we", "i", "you", "this", "a", "an", "offer", "congratulations", "hello", "hi", "dear", "welcome",
                                 "reminder", "action", "important", "new", "job", "jobs", "senior", "junior", "lead", "staff", "principal",
                                 "ihre", "votre", "tu", "su", "uw", "je", "sua", "einladung", "bewerbung", "candidature", "entrevista",
                                 "entretien", "uitnodiging", "vorstellungsgesprach", "please", "unfortunately", "regarding", "about",
                                 "following", "assessment", "coding", "technical", "phone", "video", "onsite", "final", "request",
                                 "confirmed", "confirmation", "updated", "invitation:", "call", "meeting", "chat", "questions", "status",
                                 "mr", "ms", "mrs", "dr", "team", "hiring", "recruiting", "talent", "careers", "career", "eine", "einen", "vertrauliche",
                                 "anfrage", "k12", "confidential", "hot", "urgent", "quick", "candidatura", "votre", "tu", "re",
                                 "le", "la", "les", "el", "los", "de", "het", "een", "o", "os", "um", "uma", "das", "der", "die", "all"]
        if stop.contains(first) { return true }
        return TitleWords.isTitle(name) || CalendarWords.weekdays[first] != nil || CalendarWords.months[first] != nil
    }

    /// The capitalised words at the start of `text`: "Northwind Robotics! We…" → "Northwind Robotics".
    static func capitalisedRun(_ text: Substring, maxWords: Int) -> String? {
        var words: [Substring] = []
        var rest = text
        let connectors: Set<String> = ["&", "of", "and", "de", "du", "des", "von", "van", "der", "+", "y", "e", "for"]
        while words.count < maxWords {
            rest = rest.drop { $0 == " " }
            let word = rest.prefix { !$0.isWhitespace && !",;:!?()[]|\"“”<>/".contains($0) }
            guard !word.isEmpty else { break }
            let trimmed = word.hasSuffix(".") && !isAbbreviationWithDot(word) ? word.dropLast() : word
            let isConnector = connectors.contains(trimmed.lowercased())
            let startsUpper = trimmed.first.map { $0.isUppercase || $0.isNumber } ?? false
            if isConnector, !words.isEmpty {
                // Only inside a name: "Procter & Gamble", "Bank of Ireland".
                let after = rest.dropFirst(word.count).drop { $0 == " " }
                guard after.first?.isUppercase == true else { break }
                words.append(trimmed)
            } else if startsUpper, trimmed.contains(where: \.isLetter), trimmed != "I",
                      !(trimmed.first?.isNumber == true && !words.isEmpty) {
                words.append(trimmed)
            } else {
                break
            }
            rest = rest.dropFirst(word.count)
            // A sentence ends at a full stop after the word.
            if word.hasSuffix(".") && !isAbbreviationWithDot(word) { break }
            if rest.first.map({ ",;:!?()|".contains($0) }) == true { break }
            if rest.hasPrefix("\n") { break }
        }
        while let last = words.last, connectors.contains(last.lowercased()) { words.removeLast() }
        guard !words.isEmpty else { return nil }
        let name = words.joined(separator: " ")
        return name.count >= 2 ? name : nil
    }

    /// The capitalised words that end `text`: "…interest. The Acme" → "Acme" (for "Acme team").
    static func capitalisedRunEnding(_ text: String, maxWords: Int) -> String? {
        var words: [Substring] = []
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? text
        for word in lastLine.split(separator: " ", omittingEmptySubsequences: true).reversed() {
            guard words.count < maxWords else { break }
            let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"“”"))
            if clean.contains("\n") || clean.hasSuffix(".") || clean.hasSuffix(",") || clean.hasSuffix(":") { break }
            guard let first = clean.first, first.isUppercase || first.isNumber || clean == "&" else { break }
            words.insert(Substring(clean), at: 0)
        }
        while let first = words.first, ["The", "Our", "Your", "the", "&", "Das", "Le", "La", "El", "Het", "O", "A"].contains(String(first)) { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        return words.joined(separator: " ")
    }

    private static func isAbbreviationWithDot(_ word: Substring) -> Bool {
        ["Inc.", "Co.", "Corp.", "Ltd.", "S.A.", "B.V.", "N.V.", "L.L.C."].contains(String(word))
    }
}
