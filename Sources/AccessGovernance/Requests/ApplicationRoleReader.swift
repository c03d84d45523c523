/// Works out the application and the role: the role is read inside the application the text names,
/// the application is inferred when the role fits exactly one role of the whole directory, and a role
/// that exists only in another application is reported rather than moved there.
struct ApplicationRoleReader {
    let snapshot: DirectorySnapshot

    struct Outcome: Equatable {
        var appID: String?
        var roleID: String?
        var appMention: Mention?
        var roleMention: Mention?
        var roleOutsideApplication = false
        var appInferred = false
        var ambiguity: ClarifyingQuestion?
        /// Roles the text fits when no application is named and they are in several.
        var applicationChoices: [String] = []
        var notes: [String] = []
    }

    func read(_ request: RequestText, priorAppID: String?) -> Outcome {
        var outcome = Outcome()
        let roleMentions = usableRoleMentions(request)
        let roleSpans = Set(roleMentions.map(\.tokens))
        var appMentions = request.mentions.filter { $0.kind == .application }
        // A span that names both an application and a role is the role when another application is named.
        if appMentions.count > 1 { appMentions.removeAll { roleSpans.contains($0.tokens) && roleMentions.count == 1 } }

        let appChoice = chooseApplication(appMentions, roles: roleMentions, request: request)
        switch appChoice {
        case .one(let mention, let id):
            outcome.appID = id
            outcome.appMention = mention
        case .ambiguous(let mention, let ids):
            outcome.ambiguity = question(.app, text: "Which application do you mean by \"\(mention.text)\"?", ids: ids)
            return outcome
        case .none:
            outcome.appID = priorAppID
        }

        // The application's own name is not also its role, unless nothing else is named.
        var candidates = roleMentions.filter { $0.tokens != outcome.appMention?.tokens }
        if candidates.isEmpty { candidates = roleMentions }
        guard !candidates.isEmpty else { return outcome }
        // "Explorer and Creator", "Jira Viewer and Developer": two roles in one request. Granting one of them
        // would answer a question nobody asked: ask which.
        let pairCandidates = outcome.appID.map { appID in candidates.filter { $0.ids.contains { snapshot.role($0)?.appID == appID } } } ?? candidates
        if let pair = joinedPair(pairCandidates, in: request) {
            let inApp = { (id: String) in outcome.appID.map { snapshot.role(id)?.appID == $0 } ?? true }
            let first = pair[0].ids.filter(inApp), second = pair[1].ids.filter(inApp)
            // Without a named application, the second role is read in the first one's applications.
            let firstApps = Set(first.compactMap { snapshot.role($0)?.appID })
            let ids = Array(Set(first + second.filter { firstApps.contains(snapshot.role($0)?.appID ?? "") })).sorted()
            if ids.count > 1, Set(first) != Set(ids) || first.count > 1 {
                if outcome.appID == nil, firstApps.count == 1 {
                    outcome.appID = firstApps.first
                    outcome.appInferred = true
                }
                let place = outcome.appID.map { " in \(name(ofApp: $0))" } ?? ""
                outcome.ambiguity = question(.role, text: "Which one role\(place): \(pair.map(\.text).joined(separator: " or "))? Ask for each role on its own.", ids: ids)
                return outcome
            }
        }
        if let appID = outcome.appID {
            let inApplication = candidates.filter { $0.ids.contains { snapshot.role($0)?.appID == appID } }
            if let mention = best(inApplication, request: request) {
                let ids = mention.ids.filter { snapshot.role($0)?.appID == appID }
                outcome.roleMention = mention
                if ids.count == 1 {
                    outcome.roleID = ids[0]
                } else {
                    outcome.ambiguity = question(.role, text: "Which role in \(name(ofApp: appID)) do you mean by \"\(mention.text)\"?", ids: ids)
                }
                return outcome
            }
            if let mention = best(candidates, request: request), outcome.appMention != nil {
                outcome.roleMention = mention
                outcome.roleOutsideApplication = true
                if mention.ids.count == 1 { outcome.roleID = mention.ids[0] }
                outcome.notes.append("\"\(mention.text)\" is a role of \(mention.ids.compactMap { snapshot.role($0) }.map { name(ofApp: $0.appID) }.joined(separator: ", ")), not of \(name(ofApp: appID))")
            }
            return outcome
        }
        guard let mention = best(candidates, request: request) else { return outcome }
        outcome.roleMention = mention
        let applications = Set(mention.ids.compactMap { snapshot.role($0)?.appID })
        if mention.ids.count == 1, let role = snapshot.role(mention.ids[0]) {
            outcome.roleID = role.roleID
            outcome.appID = role.appID
            outcome.appInferred = true
            outcome.notes.append("the application \(name(ofApp: role.appID)) is inferred: \"\(mention.text)\" is one of its roles and of no other")
        } else if applications.count == 1 {
            outcome.ambiguity = question(.role, text: "Which role do you mean by \"\(mention.text)\"?", ids: mention.ids.sorted())
        } else {
            outcome.applicationChoices = applications.sorted()
        }
        return outcome
    }

    /// Role mentions that are roles, not words: "my manager" or "user jdoe" do not name the roles
    /// "Manager" and "User" unless the text says role ("the User role").
    private func usableRoleMentions(_ request: RequestText) -> [Mention] {
        request.mentions.filter { mention in
            guard mention.kind == .role else { return false }
            let key = mention.tokens.map { request.tokens[$0].key }.joined()
            guard mention.tokens.count == 1, RequestWords.common.contains(key) || RequestWords.personNouns.contains(key) else { return true }
            let before = request.keys(before: mention.tokens.lowerBound, count: 1).first ?? ""
            let after = request.key(near: mention.tokens.upperBound - 1, offset: 1) ?? ""
            if RequestWords.roleNouns.contains(after) || after == "access" || ["as", "the", "an", "a"].contains(before) { return true }
            if ["my", "his", "her", "their", "our", "your", "user", "to", "by", "from", "with"].contains(before) { return false }
            if request.mentions.contains(where: { $0.kind == .user && $0.tokens.lowerBound == mention.tokens.upperBound }) { return false }
            return true
        }
    }

    private enum ApplicationChoice { case one(Mention, String), ambiguous(Mention, [String]), none }

    private func chooseApplication(_ mentions: [Mention], roles: [Mention], request: RequestText) -> ApplicationChoice {
        guard !mentions.isEmpty else { return .none }
        let roleApplications = Set(roles.flatMap { $0.ids.compactMap { snapshot.role($0)?.appID } })
        let scored = mentions.map { mention -> (Mention, Int) in
            var score = 0
            if mention.ids.contains(where: roleApplications.contains) { score += 4 }
            let before = request.keys(before: mention.tokens.lowerBound, count: 1).first ?? ""
            if ["in", "to", "on", "for", "into", "within", "inside"].contains(before) { score += 2 }
            if ["like", "than", "from", "besides", "except", "not"].contains(before) { score -= 3 }
            let after = request.key(near: mention.tokens.upperBound - 1, offset: 1) ?? ""
            if RequestWords.applicationNouns.contains(after) || RequestWords.roleNouns.contains(after) { score += 1 }
            if mention.form == .exact { score += 1 }
            return (mention, score)
        }
        let top = scored.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.tokens.lowerBound > $1.0.tokens.lowerBound) }!
        let mention = top.0
        let ids = mention.ids.filter { roleApplications.isEmpty || roleApplications.contains($0) }
        let chosen = ids.isEmpty ? mention.ids : ids
        return chosen.count == 1 ? .one(mention, chosen[0]) : .ambiguous(mention, chosen.sorted())
    }

    /// The role mention most likely meant: one that says "role" or follows "as", then the longest, then the last.
    private func best(_ mentions: [Mention], request: RequestText) -> Mention? {
        mentions.max { left, right in score(left, request) < score(right, request) }
    }

    private func score(_ mention: Mention, _ request: RequestText) -> Int {
        var score = mention.tokens.count * 10 + mention.tokens.lowerBound
        let after = request.key(near: mention.tokens.upperBound - 1, offset: 1) ?? ""
        let before = request.keys(before: mention.tokens.lowerBound, count: 1).first ?? ""
        if RequestWords.roleNouns.contains(after) || before == "as" || before == "role" { score += 100 }
        return score
    }

    func name(ofApp id: String) -> String { snapshot.application(id)?.name ?? id }

    private func question(_ slot: RequestSlot, text: String, ids: [String]) -> ClarifyingQuestion {
        let candidates = ids.map { id -> ClarifyingQuestion.Candidate in
            switch slot {
            case .app: ClarifyingQuestion.Candidate(id: id, name: snapshot.application(id)?.name ?? id)
            case .role:
                ClarifyingQuestion.Candidate(id: id, name: snapshot.role(id).map { "\($0.name) (\(name(ofApp: $0.appID)))" } ?? id)
            case .user: ClarifyingQuestion.Candidate(id: id, name: snapshot.user(id)?.name ?? id)
            }
        }
        return ClarifyingQuestion(slot: slot, text: text, candidates: candidates, isAmbiguity: true)
    }

    /// Two role mentions joined by "and", "or", "&" or "/" ("Explorer and Creator").
    private func joinedPair(_ mentions: [Mention], in request: RequestText) -> [Mention]? {
        let sorted = mentions.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        for (first, second) in zip(sorted, sorted.dropFirst()) where second.tokens.lowerBound == first.tokens.upperBound + 1 {
            guard ["and", "or"].contains(request.tokens[first.tokens.upperBound].key) else { continue }
            return [first, second]
        }
        for (first, second) in zip(sorted, sorted.dropFirst()) where second.tokens.lowerBound == first.tokens.upperBound {
            let between = request.text[request.tokens[first.tokens.upperBound - 1].range.upperBound..<request.tokens[second.tokens.lowerBound].range.lowerBound]
            if between.trimmingCharacters(in: .whitespaces) == "&" { return [first, second] }
        }
        return nil
    }
}
