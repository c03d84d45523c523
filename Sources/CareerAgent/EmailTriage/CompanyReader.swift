import Foundation

/// Finds the hiring employer: the name the sender's display name, the subject, the body and the
/// sender's domain agree on. Applicant-tracking systems, job boards and mail providers send on an
/// employer's behalf and are never the answer.
struct CompanyReader {
    /// Senders that are never the employer (matched against folded names and domain labels).
    static let intermediaries: Set<String> = [
        "greenhouse", "lever", "workday", "myworkday", "myworkdayjobs", "ashby", "ashbyhq", "smartrecruiters", "icims", "taleo",
        "oracle cloud", "successfactors", "bamboohr", "jobvite", "workable", "recruitee", "personio", "teamtailor", "breezy",
        "breezyhr", "jazzhr", "jazz", "hackerrank", "hackerrankforwork", "codility", "codesignal", "testgorilla", "coderbyte",
        "hirevue", "linkedin", "indeed", "glassdoor", "ziprecruiter", "calendly", "goodtime", "docusign", "gmail", "googlemail",
        "outlook", "hotmail", "yahoo", "icloud", "me", "aol", "proton", "protonmail", "gmx", "web", "gem", "hired", "wellfound",
        "angellist", "otta", "dice", "monster", "stepstone", "xing", "welcometothejungle", "jobs", "careers", "talent",
        "recruiting", "recruitment", "notifications", "noreply", "no-reply", "mail", "email", "hire", "apply", "team",
        "paradox", "phenom", "eightfold", "beamery", "rippling", "gusto", "deel", "zoom", "google", "microsoft", "teams",
        "example", "mailchimp", "sendgrid", "mailgun", "amazonses", "zohorecruit", "zoho", "freshteam", "pinpoint", "comeet",
        "jobylon", "homerun", "join", "softgarden", "rexx", "dvinci", "concludis", "umantis", "cornerstone", "avature", "dayforce",
        "ukg", "adp", "paylocity", "successfactors", "sap", "brassring", "kenexa", "ultipro", "pymetrics", "harver", "vervoe",
        "gupy", "spark", "sparkhire", "hackerearth", "paradox", "olivia", "dropbox", "sign", "hellosign", "inrecruiting", "pinpointhq",
        "teamtailor", "jobvite", "shl", "criteria", "willo", "welcome", "jungle", "hellowork", "indeed", "stepstone", "talento",
        "early", "university", "campus", "graduate", "graduates",
    ]

    /// Words around a company name in a display name: "Acme Recruiting", "Talent Team at Acme".
    private static let displayNameNoise: Set<String> = [
        "recruiting", "recruitment", "recruiter", "talent", "acquisition", "team", "careers", "career", "hiring", "jobs", "hr",
        "people", "notifications", "notification", "no-reply", "noreply", "no", "reply", "the", "via", "from", "at", "de", "bei",
        "chez", "of", "ta", "human", "resources", "personal", "personalabteilung", "rh", "rrhh", "and", "&", "operations", "ops",
        "coordinator", "coordination", "scheduling", "do", "not", "partner", "partners", "bewerbermanagement", "karriere",
        "recrutement", "empleo", "werving", "selectie", "recrutamento", "vagas", "updates", "update", "system",
    ]

    /// Words that end a sender's name but not an employer's: "Acme Talent Acquisition", "Acme University Recruiting".
    static let trailingNoise: Set<String> = ["recruiting", "recruitment", "recruiter", "recruiters", "talent", "acquisition", "team", "people",
                                             "careers", "career", "hr", "hiring", "jobs", "early", "campus", "university", "graduate",
                                             "notifications", "updates", "ta", "rh", "rrhh", "reclutamiento", "recrutement", "recrutamento",
                                             "werving", "personal", "karriere", "talentos", "selezione", "pvt", "staffing team"]

    /// `name` without the trailing words of a sending department.
    static func withoutDepartment(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        while words.count > 1, let last = words.last, trailingNoise.contains(TriageMessage.fold(last).trimmingCharacters(in: .punctuationCharacters)) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    func read(_ message: TriageMessage, category: EmailCategory) -> TriageValue<String>? {
        var votes: [String: (name: String, score: Double, evidence: [TriageEvidence])] = [:]
        func voteFor(_ name: String, _ weight: Double, _ evidence: TriageEvidence) {
            let cleaned = Self.withoutDepartment(Self.clean(name))
            let key = Self.key(cleaned)
            guard key.count >= 2, !Self.isIntermediary(cleaned), !Self.isCommonWord(key), cleaned.first?.isNumber != true else { return }
            var entry = votes[key] ?? (cleaned, 0, [])
            entry.score += weight
            if entry.evidence.count < 3 { entry.evidence.append(evidence) }
            // Keep the form written most plainly: without a legal suffix when one is written without it.
            if cleaned.count < entry.name.count { entry.name = cleaned }
            votes[key] = entry
        }
        // An agency writing about its client: the client is the employer, so the sender's own name counts less.
        let namesClient = category == .recruiterOutreach && ["client", "cliente", "klant", "kunde", "mandant"].contains { message.foldedBody.contains($0) }
        let senderWeight = namesClient ? 0.5 : 1.0
        // People are not employers: the sender's own name, in any of its words, never is the answer.
        let person = Self.personName(message.fromName, address: message.fromAddress)
        let personKeys = Set((person ?? "").split(separator: " ").map { Self.key(String($0)) } + [person.map(Self.key) ?? ""]).filter { !$0.isEmpty }
        func vote(_ name: String, _ weight: Double, _ evidence: TriageEvidence) {
            guard !personKeys.contains(Self.key(Self.clean(name))) else { return }
            voteFor(name, weight, evidence)
        }
        for name in Self.namesInDisplayName(message.fromName, address: message.fromAddress) {
            vote(name, 2 * senderWeight, TriageEvidence(.from, message.fromName ?? name))
        }
        for name in CompanyPatterns.names(in: Self.cleanSubject(message.subject)) { vote(name, 2.5, TriageEvidence(.subject, message.subject)) }
        for (name, context) in CompanyPatterns.namesInBody(message.body) { vote(name, 1.5, TriageEvidence(.body, context)) }
        for name in CompanyPatterns.signatureNames(message.body) { vote(name, 1, TriageEvidence(.body, name)) }
        for event in message.calendars { for name in CompanyPatterns.names(in: event.summary ?? "") { vote(name, 1.5, TriageEvidence(.calendar, event.summary ?? "")) } }
        // The sender's own domain, when it is not a platform's: it confirms a name found elsewhere, or is the name.
        if let domain = Self.organisationLabel(message.fromAddress) {
            let domainKey = Self.key(domain)
            // The domain written as words somewhere ("indusledger" → "Indus Ledger Technologies"): the longest such name.
            let written = CompanyPatterns.namesSpelling(domainKey, in: [message.fromName ?? "", message.subject, message.body])
            if let longest = written.max(by: { $0.count < $1.count }) { vote(longest, 2.5, TriageEvidence(.from, message.fromAddress ?? domain)) }
            var confirmed = false
            for (key, entry) in votes where Self.sameOrganisation(key, domainKey) {
                votes[key]!.score = entry.score + 2
                votes[key]!.evidence.append(TriageEvidence(.from, message.fromAddress ?? domain))
                confirmed = true
            }
            // A label of run-together words ("stellarridge") cannot be split back into its name; only a short one stands alone.
            if !confirmed {
                let plausible = domain.contains("-") || domain.count <= 9
                vote(Self.name(fromDomainLabel: domain), (plausible ? 1.5 : 0.9) * senderWeight, TriageEvidence(.from, message.fromAddress ?? domain))
            }
        }
        // Links to the employer's own careers site: "acme.wd5.myworkdayjobs.com", "boards.greenhouse.io/acme", "jobs.lever.co/acme".
        for link in message.links.prefix(30) {
            if let label = Self.employerInATSLink(link.url) {
                let key = Self.key(label)
                for (existing, _) in votes where Self.sameOrganisation(existing, key) { votes[existing]!.score += 1 }
            }
        }
        // A name and its longer form ("Bluefin", "Bluefin Analytics") are one employer, called by the longer form.
        for (shortKey, short) in votes {
            guard shortKey.count >= 4, let (longKey, _) = votes.first(where: { key, long in
                key != shortKey && key.hasPrefix(shortKey) && long.name.split(separator: " ").count - short.name.split(separator: " ").count <= 2
            }) else { continue }
            votes[longKey]!.score += short.score
            votes[longKey]!.evidence += short.evidence.prefix(1)
            votes[shortKey] = nil
        }
        // One word found in one place only, that the sender's domain does not confirm, may be any capitalised word.
        let domainKey = Self.organisationLabel(message.fromAddress).map(Self.key)
        for (key, entry) in votes where !entry.name.contains(" ") && entry.evidence.count == 1 && !(domainKey.map { Self.sameOrganisation($0, key) } ?? false) {
            votes[key]!.score *= 0.6
        }
        guard var best = votes.values.max(by: { $0.score < $1.score || ($0.score == $1.score && $0.name.count > $1.name.count) }),
              best.score >= 1.5 else { return nil }
        // The fullest form the message writes of that name ("Granite Peak" → "Granite Peak Cloud" in the signature).
        if let longer = CompanyPatterns.longestForm(of: best.name, in: [message.body, message.subject, message.fromName ?? ""]) {
            best.name = longer
        }
        let total = votes.values.map(\.score).reduce(0, +)
        let confidence = min(0.98, 0.4 + 0.6 * best.score / max(total, 1) * min(1, best.score / 4))
        return TriageValue(best.name, confidence: (confidence * 100).rounded() / 100, evidence: best.evidence)
    }

    /// The employer a message comes from by its sender alone: the display name, or a short domain label.
    func readSender(_ message: TriageMessage) -> TriageValue<String>? {
        let names = Self.namesInDisplayName(message.fromName, address: message.fromAddress).map { Self.withoutDepartment(Self.clean($0)) }
            .filter { !$0.isEmpty && !Self.isIntermediary($0) && !Self.isCommonWord(Self.key($0)) }
        guard let name = names.first else { return nil }
        return TriageValue(name, confidence: 0.6, evidence: [TriageEvidence(.from, message.fromName ?? name)])
    }

    // MARK: Sources

    /// "Acme Recruiting", "Acme via Lever", "Jane Doe at Acme", "Acme Talent Team", "Acme | Careers".
    static func namesInDisplayName(_ displayName: String?, address: String? = nil) -> [String] {
        guard var name = displayName?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return [] }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        let lowered = name.lowercased()
        for separator in [" via ", " through ", " on behalf of "] {
            if let range = lowered.range(of: separator) {
                let sender = String(name[..<name.index(name.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.lowerBound))])
                return personName(sender, address: address) != nil || looksLikePersonName(sender) ? [] : [sender]
            }
        }
        for separator in [" at ", " from ", " for ", " @ ", " bei ", " chez ", " de ", " | ", " - ", " – ", ", ", " ("] {
            if let range = lowered.range(of: separator) {
                let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
                let after = String(name.dropFirst(offset))
                let before = String(name.prefix(lowered.distance(from: lowered.startIndex, to: range.lowerBound)))
                // "Talent Team at Acme" → Acme; "Acme | Careers" → Acme.
                let afterIsNoise = stripNoise(after).isEmpty
                return afterIsNoise ? [stripNoise(before)] : [stripNoise(after)]
            }
        }
        let stripped = stripNoise(name)
        // A display name that was only a company with noise ("Acme Recruiting") counts; a person's name does not.
        if stripped != name.trimmingCharacters(in: .whitespaces) { return stripped.isEmpty ? [] : [stripped] }
        return personName(name, address: address) != nil ? [] : [name]
    }

    /// The display name when it names a person: its words appear in the address ("Jonas Weber" <jonas.weber@…>),
    /// or it reads as a given name and a family name and the address is a person's, not a role's ("jobs@", "noreply@").
    static func personName(_ displayName: String?, address: String?) -> String? {
        guard let name = displayName?.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")), !name.isEmpty else { return nil }
        var base = name.components(separatedBy: " (").first ?? name
        for separator in [" via ", " through ", " on behalf of ", " | "] { base = base.components(separatedBy: separator).first ?? base }
        let words = TriageMessage.fold(base).split { !$0.isLetter }.map(String.init).filter { $0.count >= 2 }
        guard (1...4).contains(words.count) else { return nil }
        let local = TriageMessage.fold(String(address?.split(separator: "@").first ?? ""))
        if words.contains(where: { $0.count >= 3 && local.contains($0) }) { return base }
        let roleMailboxes = ["jobs", "careers", "noreply", "no-reply", "recruiting", "talent", "hr", "hiring", "info", "team", "people",
                             "notifications", "donotreply", "do-not-reply", "apply", "reclutamiento", "bewerbung", "recrutement", "talentos"]
        if roleMailboxes.contains(where: { local.contains($0) }) { return nil }
        return looksLikePersonName(base) ? base : nil
    }

    private static func stripNoise(_ text: String) -> String {
        let words = text.split(separator: " ").map(String.init)
        var kept = words
        while let last = kept.last, displayNameNoise.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters)) { kept.removeLast() }
        while let first = kept.first, displayNameNoise.contains(first.lowercased().trimmingCharacters(in: .punctuationCharacters)) { kept.removeFirst() }
        return kept.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " -|,"))
    }

    /// Two or three capitalised words and nothing that names an organisation.
    static func looksLikePersonName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        let organisationWords: Set<String> = ["inc", "llc", "ltd", "gmbh", "labs", "group", "technologies", "systems", "health", "bank",
                                              "software", "solutions", "studio", "studios", "company", "co", "corp", "ag", "sa", "bv",
                                              "capital", "partners", "robotics", "energy", "analytics", "ai", "media", "foods", "logistics"]
        if words.contains(where: { organisationWords.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }) { return false }
        if TitleWords.isTitle(name) { return false }
        return words.allSatisfy { word in word.first?.isUppercase == true && word.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" || $0 == "." } }
    }

    /// Subject text without "Re:"/"Fwd:" and bracketed ticket numbers.
    static func cleanSubject(_ subject: String) -> String {
        TriageMessage.strippingReplyPrefixes(subject)
    }

    /// The organisation's label of a sender address: "jane@mail.northwind-robotics.example" → "northwind-robotics".
    static func organisationLabel(_ address: String?) -> String? {
        guard let address, let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        var labels = domain.split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return nil }
        labels.removeLast()
        // "co.uk", "com.au", "example" test domains
        if let last = labels.last, ["co", "com", "org", "net", "ac", "gov"].contains(last), labels.count >= 2 { labels.removeLast() }
        let generic: Set<String> = ["mail", "email", "e", "m", "careers", "jobs", "hr", "talent", "recruiting", "notifications",
                                    "news", "info", "em", "mg", "send", "bounce", "reply", "us", "eu", "app", "hire", "t", "corp"]
        while labels.count > 1, generic.contains(labels.first!) { labels.removeFirst() }
        guard let label = labels.last, !isIntermediary(label), !generic.contains(label), label.count >= 2 else { return nil }
        return label
    }

    /// "northwind-robotics" → "Northwind Robotics"
    static func name(fromDomainLabel label: String) -> String {
        label.split { $0 == "-" || $0 == "_" }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The employer's slug inside an applicant-tracking system's link.
    static func employerInATSLink(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return nil }
        let path = components.path.split(separator: "/").map(String.init)
        if host.hasSuffix("myworkdayjobs.com") || host.hasSuffix("myworkday.com") { return host.split(separator: ".").first.map(String.init) }
        if host.contains("greenhouse.io") || host.contains("lever.co") || host.contains("ashbyhq.com") || host.contains("smartrecruiters.com") {
            return path.first
        }
        return nil
    }

    static func isIntermediary(_ name: String) -> Bool {
        let folded = TriageMessage.fold(name)
        if intermediaries.contains(folded) { return true }
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return !words.isEmpty && words.allSatisfy { intermediaries.contains($0) || displayNameNoise.contains($0) }
    }

    /// Letters and digits only, lower case, without a legal form: the key two spellings share.
    static func key(_ name: String) -> String {
        var words = TriageMessage.fold(name).replacingOccurrences(of: ".", with: "").split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let legal: Set<String> = ["inc", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "plc", "corp", "pvt", "llp",
                                  "lp", "pte", "kk", "oyj", "asa", "spa", "sarl", "ug", "ev", "eg", "gbr", "ohg", "lda", "sau", "slu", "cv",
                                  "corporation", "co", "company", "srl", "sl", "spa", "ab", "as", "oy", "pty", "kg", "se", "the"]
        while let last = words.last, legal.contains(last), words.count > 1 { words.removeLast() }
        while words.count > 1, let last = words.last, last.count == 1 { words.removeLast() }
        while let first = words.first, first == "the", words.count > 1 { words.removeFirst() }
        return words.joined()
    }

    static func sameOrganisation(_ a: String, _ b: String) -> Bool {
        guard a.count >= 3, b.count >= 3 else { return a == b }
        return a == b || a.hasPrefix(b) || b.hasPrefix(a)
    }

    private static func isCommonWord(_ key: String) -> Bool {
        ["you", "your", "us", "our", "we", "this", "the", "a", "an", "it", "interview", "application", "role", "position", "job",
         "team", "company", "hello", "hi", "dear", "thanks", "thank", "regards", "best", "update", "new", "next", "congratulations",
         "unfortunately", "invitation", "offer", "confirmation", "reminder", "action", "required", "important", "welcome", "re", "fwd",
         "applying", "candidate", "candidates", "opportunity", "interviewing", "ihre", "votre", "su", "tu", "uw", "je", "sua",
         "bewerbung", "candidature", "solicitud", "sollicitatie", "candidatura", "vielen", "merci", "gracias", "bedankt", "obrigado",
         "linkedin", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "zoom", "us"].contains(key)
    }

    /// Trims quotes, trailing punctuation and possessives: "Acme's" → "Acme".
    static func clean(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'“”‘’.,:;!?()[]|-–—")))
        for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { text.removeLast(2) }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
