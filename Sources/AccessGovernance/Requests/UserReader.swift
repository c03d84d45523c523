/// Works out whom a request is for: the person it names as the one who gets the access, the requester
/// ("I", "me", "my"), or nobody it names ("him", "the new analyst"), in which case the slot is missing.
/// Names next to "approved", "with", "from", "manager" and the like are bystanders, not the user.
struct UserReader {
    enum Outcome: Equatable {
        case user(String, how: String, partial: Bool)
        case requester(implicit: Bool)
        case unnamedPerson(String)
        case ambiguous(text: String, ids: [String])
        case none
    }

    func read(_ request: RequestText) -> Outcome {
        var beneficiaries: [Mention] = []
        var neutral: [Mention] = []
        for mention in request.mentions where mention.kind == .user {
            switch role(of: mention.tokens, in: request) {
            case .beneficiary: beneficiaries.append(mention)
            case .bystander: continue
            case .neutral: neutral.append(mention)
            }
        }
        // "Give Lena Vogel and Amara Nwosu-Hart …", "Ana and Joaquín both need …": two people in one request.
        // Granting one of them silently would be wrong: ask.
        for (first, second) in zip(request.mentions, request.mentions.dropFirst()) where first.kind == .user && second.kind == .user
            && second.tokens.lowerBound == first.tokens.upperBound + 1 && ["and", "or"].contains(request.tokens[first.tokens.upperBound].key)
            && Set(first.ids) != Set(second.ids)
            && (beneficiaries.contains(first) || beneficiaries.contains(second) || role(of: second.tokens, in: request) != .bystander
                || request.key(near: second.tokens.upperBound - 1, offset: 1).map(RequestWords.beneficiaryAfter.contains) == true
                || request.key(near: second.tokens.upperBound - 1, offset: 1) == "both") {
            return .ambiguous(text: first.text + " and " + second.text, ids: Array(Set(first.ids + second.ids)).sorted())
        }
        if let outcome = choose(beneficiaries) { return outcome }
        if let unnamed = unnamedBeneficiary(in: request) {
            // "Owen Davies … He needs the HR Partner role": a pronoun after one named person is that person.
            let pronouns: Set<String> = ["he", "him", "she", "her", "they", "them", "his", "hes", "shes", "hell", "shell"]
            if pronouns.contains(NameKey.of(unnamed)), Set(neutral.map { $0.ids.sorted() }).count == 1, let person = neutral.first, person.ids.count == 1,
               let pronoun = request.tokens.firstIndex(where: { NameKey.of($0.text) == NameKey.of(unnamed) }), person.tokens.upperBound <= pronoun {
                return .user(person.ids[0], how: person.text, partial: person.form == .partialName)
            }
            return .unnamedPerson(unnamed)
        }
        if selfIsBeneficiary(in: request) { return .requester(implicit: false) }
        if let outcome = choose(neutral) { return outcome }
        if let unnamed = unnamedPerson(in: request, needsCue: false) { return .unnamedPerson(unnamed) }
        if request.tokens.indices.contains(where: { isSelfWord($0, in: request) }) {
            return .requester(implicit: false)
        }
        return .requester(implicit: true)
    }

    private func choose(_ mentions: [Mention]) -> Outcome? {
        let distinct = Set(mentions.map { $0.ids.sorted() })
        guard let first = mentions.first else { return nil }
        if distinct.count == 1 && first.ids.count == 1 {
            return .user(first.ids[0], how: first.text, partial: first.form == .partialName)
        }
        let ids = Array(Set(mentions.flatMap(\.ids))).sorted()
        return .ambiguous(text: mentions.map(\.text).joined(separator: ", "), ids: ids)
    }

    private enum Part { case beneficiary, bystander, neutral }

    private func role(of tokens: Range<Int>, in request: RequestText) -> Part {
        let before = request.keys(before: tokens.lowerBound, count: 2)
        let after = request.key(near: tokens.upperBound - 1, offset: 1)
        let afterNext = request.key(near: tokens.upperBound - 1, offset: 2)
        if let previous = before.first {
            // A name right after left-out text ("Approved by: Dana") is part of it, unless a new sentence starts with it.
            if previous == "", !request.tokens[tokens.lowerBound].startsSentence { return .bystander }
            if previous == "of", before.dropFirst().first == "behalf" { return .beneficiary }
            // "covering for Tomás while he is on leave": the one covered for is away, not the one who gets access.
            if previous == "for", let earlier = before.dropFirst().first, ["covering", "filling", "standing", "subbing", "deputising", "deputizing"].contains(earlier) {
                return .bystander
            }
            if previous == "to", let earlier = before.dropFirst().first, ["access", "add", "grant", "give", "assign"].contains(earlier) {
                return .beneficiary
            }
            // "name: Björn Ekström" in a request written as fields names the user; "my name is" does not.
            if previous == "name", request.text[request.tokens[tokens.lowerBound - 1].range.upperBound..<request.tokens[tokens.lowerBound].range.lowerBound].contains(":") {
                return .beneficiary
            }
            // "… and Peter Quist needs to enter invoices": a clause of its own, not a sign-off's "and".
            if previous == "and", let after, RequestWords.needVerbs.contains(after) { return .beneficiary }
            if RequestWords.bystanderBefore.contains(previous) { return .bystander }
            if previous == "is", before.dropFirst().first == "name" { return .bystander }
        }
        if let after, after == "" { return .bystander }
        // "while François is on leave", "Ingrid is away": someone absent is not who gets the access.
        if after == "is", let afterNext, ["away", "out", "off", "absent", "unavailable", "leaving", "sick"].contains(afterNext) { return .bystander }
        // "is on leave", "is on holiday" — but "is on goods-in this week" says where, not that they are away.
        if after == "is", afterNext == "on", let third = request.key(near: tokens.upperBound - 1, offset: 3),
           ["leave", "holiday", "holidays", "vacation", "pto", "sabbatical", "furlough", "parental", "maternity", "paternity", "sick"].contains(third) {
            return .bystander
        }
        // "Bob already approved" is a bystander; "Owen already has his Workday account" only tells a story.
        if after == "already" {
            let approving: Set<String> = ["approved", "signed", "okayed", "agreed", "confirmed", "said", "authorized", "authorised", "ok"]
            return afterNext.map(approving.contains) == true ? .bystander : .neutral
        }
        if let after, RequestWords.bystanderAfter.contains(after) { return .bystander }
        if let previous = before.first, RequestWords.beneficiaryBefore.contains(previous) { return .beneficiary }
        if before.first == "up", before.dropFirst().first == "set" { return .beneficiary }
        // A name alone on the last line signs the message.
        if tokens.upperBound == request.tokens.count, isOnItsOwnLine(tokens, in: request) { return .bystander }
        if let after, RequestWords.beneficiaryAfter.contains(after) {
            // "Chloe is my manager" names a bystander; "Chloe is starting" names the user; "Ingrid has been
            // leading the workstream" only tells a story.
            if after == "is" || after == "has", let afterNext, ["my", "our", "the", "a", "an", "manager", "approver"].contains(afterNext) {
                return .bystander
            }
            if after == "is" || after == "has" {
                let joining: Set<String> = ["starting", "started", "joining", "joined", "new", "moving", "moved", "transferring", "onboarding",
                                            "taking", "returning", "back", "covering", "going", "switching", "changing"]
                return afterNext.map(joining.contains) == true ? .beneficiary : .neutral
            }
            return .beneficiary
        }
        // "Chloe's access", "Chloe's Workday account": whose access it is; "Rafael's team sends files late" is a story.
        if request.tokens[tokens.upperBound - 1].isPossessive {
            let next = tokens.upperBound
            let isAccessWord = after.map { ["access", "account", "accounts", "permissions", "permission", "rights", "role", "roles", "login", "user"].contains($0) } ?? false
            let isNamedEntity = request.mentions.contains { $0.kind != .user && $0.tokens.lowerBound == next }
            return isAccessWord || isNamedEntity ? .beneficiary : .neutral
        }
        return .neutral
    }

    private func isOnItsOwnLine(_ tokens: Range<Int>, in request: RequestText) -> Bool {
        let start = request.tokens[tokens.lowerBound].range.lowerBound
        let lineStart = request.text[..<start].lastIndex(of: "\n").map { request.text.index(after: $0) } ?? request.text.startIndex
        return request.text[lineStart..<start].allSatisfy(\.isWhitespace) && lineStart != request.text.startIndex
    }

    /// "I", "me", "my", "I'd": not a word a name covers ("Entra ID"), and "id" or "ill" only with its apostrophe.
    private func isSelfWord(_ index: Int, in request: RequestText) -> Bool {
        let token = request.tokens[index]
        guard !request.ignored.contains(index), !request.covered.contains(index), RequestWords.selfWords.contains(token.key) else { return false }
        if ["id", "ill"].contains(token.key) { return token.text.contains("'") || token.text.contains("’") }
        return true
    }

    private func selfIsBeneficiary(in request: RequestText) -> Bool {
        for index in request.tokens.indices where isSelfWord(index, in: request) {
            let key = request.tokens[index].key
            if key == "my", let next = request.key(near: index, offset: 1), isPersonPhrase(request, from: index + 1) || next == "manager" {
                continue
            }
            let previous = request.keys(before: index, count: 1).first
            if let previous, ["with", "from", "cc", "by", "than"].contains(previous) { continue }
            return true
        }
        return false
    }

    /// "him", "her", "my colleague", "the new analyst" in a place that says they get the access.
    private func unnamedBeneficiary(in request: RequestText) -> String? { unnamedPerson(in: request, needsCue: true) }

    private func unnamedPerson(in request: RequestText, needsCue: Bool) -> String? {
        for index in request.tokens.indices where !request.ignored.contains(index) && !request.covered.contains(index) {
            let key = request.tokens[index].key
            var phrase: Range<Int>?
            let token = request.tokens[index]
            // "He'll", "she's": a pronoun with its verb written on.
            let contracted = (token.text.contains("'") || token.text.contains("’"))
                && RequestWords.contractedPronouns.contains(key)
            if RequestWords.unnamedPersonWords.contains(key) || contracted {
                if ["his", "their"].contains(key) && !isPersonPhrase(request, from: index + 1) { continue }
                phrase = index..<(index + 1)
            } else if ["my", "our", "the", "a", "an", "new", "this", "your"].contains(key), let end = personPhraseEnd(request, from: index + 1) ?? describedPersonEnd(request, from: index + 1) {
                phrase = index..<end
            }
            guard let phrase else { continue }
            // "Sarah Cohen in my team", "someone from our group": a phrase that places someone else, not a person.
            if let before = request.keys(before: phrase.lowerBound, count: 1).first, ["in", "on", "from", "of", "with", "at", "across"].contains(before) { continue }
            // "my manager", "my boss" approve; they are not who the access is for unless the text says so.
            if ["manager", "boss", "approver", "lead"].contains(request.tokens[phrase.upperBound - 1].key) && !needsCue { continue }
            if !needsCue { return request.written(phrase) }
            let before = request.keys(before: phrase.lowerBound, count: 1).first
            let after = request.key(near: phrase.upperBound - 1, offset: 1)
            let object = ["him", "her", "them"].contains(key) && !(before.map { RequestWords.bystanderBefore.contains($0) } ?? false)
            let setUp = before == "up" && request.keys(before: phrase.lowerBound, count: 2).last == "set"
            if object || setUp || (before.map(RequestWords.beneficiaryBefore.contains) ?? false)
                || (after.map { RequestWords.beneficiaryAfter.contains($0) && $0 != "is" && $0 != "has" } ?? false) {
                return request.written(phrase)
            }
        }
        return nil
    }

    private func isPersonPhrase(_ request: RequestText, from index: Int) -> Bool { personPhraseEnd(request, from: index) != nil }

    /// Job nouns that describe a person after "the", "our", "new" ("the travel nurse", "our new lab assistant").
    private static let jobNouns: Set<String> = [
        "nurse", "assistant", "technician", "technologist", "clerk", "officer", "mechanic", "recruiter", "pharmacist", "therapist",
        "coordinator", "specialist", "agent", "representative", "physician", "doctor", "teacher", "driver", "operator", "accountant",
        "paralegal", "attorney", "lawyer", "cashier", "receptionist", "scientist", "architect", "administrator", "supervisor", "lead",
        "hire", "trainee", "apprentice", "resident", "fellow", "student", "volunteer", "locum", "tech",
    ]

    /// "the travel nurse", "our new lab assistant": up to two describing words, then a job noun that no
    /// application or role names, and no application, role or person named right after it.
    private func describedPersonEnd(_ request: RequestText, from index: Int) -> Int? {
        for length in 1...3 {
            let end = index + length
            guard end <= request.tokens.count else { return nil }
            let words = index..<end
            guard !words.contains(where: { request.ignored.contains($0) || request.covered.contains($0) }) else { return nil }
            guard Self.jobNouns.contains(request.tokens[end - 1].key) else { continue }
            // Only where someone is given the access ("give the travel nurse …", "the travel nurse needs …"):
            // "you are a helpful assistant" describes nobody who needs anything.
            let before = request.keys(before: index - 1, count: 2)
            let cue = before.first.map(RequestWords.beneficiaryBefore.contains) == true || (before.first == "up" && before.last == "set")
            let needs = request.key(near: end - 1, offset: 1).map { RequestWords.needVerbs.contains($0) || ["starts", "joins"].contains($0) } ?? false
            return cue || needs ? end : nil
        }
        return nil
    }

    /// The end of "new analyst" / "colleague" after a determiner: up to two adjectives, then a person noun
    /// that is not the start of a role or application name and not followed by "role" or "access".
    private func personPhraseEnd(_ request: RequestText, from index: Int) -> Int? {
        var position = index
        for _ in 0..<3 {
            guard request.tokens.indices.contains(position), !request.ignored.contains(position) else { return nil }
            let key = request.tokens[position].key
            if RequestWords.personNouns.contains(key) {
                if request.covered.contains(position) { return nil }
                if let next = request.key(near: position, offset: 1), RequestWords.roleNouns.contains(next) || next == "access" { return nil }
                return position + 1
            }
            guard ["new", "newest", "incoming", "other", "junior", "senior", "direct", "temporary", "summer", "external"].contains(key) else {
                return nil
            }
            // "our new buyer starts …", "the new court officer needs …": one or two words after "new" name a person
            // when a verb of needing or starting follows, even words that are also a role's ("clerk", "mechanic").
            for length in 1...2 {
                let words = (position + 1)..<(position + 1 + length)
                guard words.upperBound <= request.tokens.count,
                      !words.contains(where: { index in request.ignored.contains(index) || request.mentions.contains { $0.kind != .role && $0.tokens.contains(index) } }),
                      let after = request.key(near: words.upperBound - 1, offset: 1) else { break }
                if ["needs", "starts", "joins", "requires", "will", "is", "has", "should"].contains(after) { return words.upperBound }
            }
            position += 1
        }
        return nil
    }
}
