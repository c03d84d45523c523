/// Finds what a request names that the directory does not know ("Jria", "HR Anlyst", a Cyrillic "Оkta"),
/// and suggests the entity it most resembles: the highest similarity ratio between keys, only when it
/// reaches 0.7 and beats the runner-up by 0.08.
struct UnknownMentionFinder {
    let snapshot: DirectorySnapshot
    static let threshold = 0.7
    static let margin = 0.08

    /// A suggestion among `entities` (an id with the names it goes by), by name.
    static func suggestion(for text: String, among entities: [(id: String, name: String, keys: [String])]) -> String? {
        let key = NameKey.of(text)
        guard !key.isEmpty else { return nil }
        var scores = entities.map { entity in (entity.name, entity.keys.map { SimilarityRatio.of(key, $0) }.max() ?? 0) }
        scores.sort { $0.1 > $1.1 }
        guard let best = scores.first, best.1 >= threshold else { return nil }
        if scores.count > 1, best.1 - scores[1].1 < margin { return nil }
        return best.0
    }

    var applications: [(id: String, name: String, keys: [String])] {
        snapshot.document.applications.map { app in
            (app.appID, app.name, ([app.name, app.appID] + app.aliases).map(NameKey.of))
        }
    }

    func roles(in appID: String?) -> [(id: String, name: String, keys: [String])] {
        let roles = appID.map { snapshot.roles(in: $0) } ?? snapshot.document.roles
        // Roles of several applications share names ("Admin"); one suggestion per name.
        var seen = Set<String>()
        return roles.compactMap { role in
            guard seen.insert(NameKey.of(role.name)).inserted else { return nil }
            return (role.roleID, role.name, ([role.name, role.roleID] + role.aliases).map(NameKey.of))
        }
    }

    var users: [(id: String, name: String, keys: [String])] {
        snapshot.document.users.map { user in
            (user.userID, user.name, [NameKey.of(user.name), NameKey.of(user.userID), user.email.lowercased()])
        }
    }

    /// A run of up to three words that could be a name: not left out, not already a mention, not common words.
    func candidate(in request: RequestText, from start: Int, forward: Bool = true) -> Range<Int>? {
        var indexes: [Int] = []
        var position = start
        while request.tokens.indices.contains(position), indexes.count < 4 {
            let token = request.tokens[position]
            // A name does not run across a full stop, a comma or a line break.
            if let last = indexes.last, isBroken(last, position, in: request) { break }
            // Words joined by a hyphen or a dot ("Read-Write", "E-2099") are one name: none of them stops it.
            let joined = indexes.last.map { isJoined($0, position, in: request) } ?? false
            if !joined, let next = forward ? position + 1 : position - 1 as Int?, request.tokens.indices.contains(next),
               isJoined(position, next, in: request), !request.ignored.contains(position), !request.covered.contains(position) {
                indexes.append(position)
                position = next
                continue
            }
            if joined, !request.ignored.contains(position), !request.covered.contains(position) {
                indexes.append(position)
                position += forward ? 1 : -1
                continue
            }
            if request.ignored.contains(position) || request.covered.contains(position) || RequestWords.common.contains(token.key)
                || RequestWords.roleNouns.contains(token.key) || RequestWords.applicationNouns.contains(token.key)
                || token.key.allSatisfy(\.isNumber) || token.isEmail || RequestWords.selfWords.contains(token.key)
                || AccessDuration(iso: token.text) != nil {
                break
            }
            indexes.append(position)
            position += forward ? 1 : -1
        }
        guard let low = indexes.min(), let high = indexes.max() else { return nil }
        return low..<(high + 1)
    }

    /// Whether punctuation that ends a phrase stands between two neighbouring words.
    func isBroken(_ first: Int, _ second: Int, in request: RequestText) -> Bool {
        let (left, right) = first < second ? (first, second) : (second, first)
        let between = request.text[request.tokens[left].range.upperBound..<request.tokens[right].range.lowerBound]
        return between.contains { ",;:!?\n()[]{}<>\"".contains($0) } || (between.contains(".") && between.contains(where: \.isWhitespace))
    }

    /// Whether two neighbouring words are written as one ("Read-Write", "E-2099", "S/4HANA").
    func isJoined(_ first: Int, _ second: Int, in request: RequestText) -> Bool {
        let (left, right) = first < second ? (first, second) : (second, first)
        let between = request.text[request.tokens[left].range.upperBound..<request.tokens[right].range.lowerBound]
        return ["-", "/", ".", "_"].contains(String(between))
    }

    /// Whether a candidate looks enough like a name to report even without a suggestion: written with
    /// a capital somewhere other than a sentence's start, or in letters of another script.
    func looksLikeName(_ range: Range<Int>, in request: RequestText) -> Bool {
        range.contains { index in
            let token = request.tokens[index]
            return token.hasForeignLetters || token.isUppercase || (token.isCapitalized && !token.startsSentence)
                || token.text.dropFirst().contains(where: \.isUppercase)
        }
    }

    /// Unknown applications: words after "in", "to", "on", "for" or before "access", "account" that are no known name.
    /// With `strict` (an application is already inferred from the role), only a name after "in", "to",
    /// "on" or "into" counts: "for the SSO migration" says why, not where.
    func unknownApplication(in request: RequestText, strict: Bool = false) -> UnknownMention? {
        let prepositions: Set<String> = strict ? ["in", "to", "on", "into"] : ["in", "to", "on", "into", "within", "for", "inside"]
        for afterPreposition in strict ? [true] : [true, false] {
            for index in request.tokens.indices where !request.ignored.contains(index) {
                let key = request.tokens[index].key
                var range: Range<Int>?
                if afterPreposition, prepositions.contains(key) || (strict && ["for", "within", "inside"].contains(key)) {
                    var start = index + 1
                    if request.tokens.indices.contains(start), ["the", "our", "my"].contains(request.tokens[start].key) { start += 1 }
                    range = candidate(in: request, from: start)
                    // With the application already inferred, "for ArcGSI" counts only when it resembles an application.
                    if strict, !prepositions.contains(key), let found = range, Self.suggestion(for: request.written(found), among: applications) == nil {
                        range = nil
                    }
                } else if !afterPreposition, ["access", "account", "app", "application", "instance", "tenant", "login"].contains(key) {
                    range = candidate(in: request, from: index - 1, forward: false)
                }
                    guard let range, !isPurpose(range, in: request), let mention = unknown(.app, range, in: request, among: applications) else { continue }
                return mention
            }
        }
        return nil
    }

    /// An unknown application written just before a known role ("Lookr Viewer"). When the role already
    /// names its application (`strict`), only a word that resembles an application counts.
    func unknownApplication(before role: Mention, in request: RequestText, strict: Bool) -> UnknownMention? {
        guard let range = candidate(in: request, from: role.tokens.lowerBound - 1, forward: false), !isKnownOtherName(range, in: request) else { return nil }
        let text = request.written(range)
        let suggestion = Self.suggestion(for: text, among: applications)
        // "Gogle Workspace User": the misspelt application runs into the role's words.
        if suggestion == nil, let run = closestRun(in: request, from: range.lowerBound, forward: true, among: applications, slot: .app),
           run.text.count > text.count {
            return run
        }
        // "Snowflake Viewer": a capitalised word right before a role, opening the request, names an application.
        // With the application inferred from the role, only the text's very first word counts ("Meditech Chart Viewer").
        let opensBeforeRole = range.count == 1 && range.upperBound == role.tokens.lowerBound && request.tokens[range.lowerBound].isCapitalized
            && (!strict || range.lowerBound == 0) && !RequestWords.common.contains(request.tokens[range.lowerBound].key)
        guard suggestion != nil || looksLikeName(range, in: request) || opensBeforeRole else { return nil }
        // With the application already known from the role, only a word that looks like a product name counts.
        if strict && suggestion == nil && range.count > 1 { return nil }
        return UnknownMention(slot: .app, text: text, suggestion: suggestion)
    }

    /// Unknown roles: words before "role" or "permissions", after "as", or next to the application named.
    func unknownRole(in request: RequestText, appID: String?, appMention: Mention?) -> UnknownMention? {
        let entities = roles(in: appID)
        var starts: [(Int, Bool)] = []
        for index in request.tokens.indices where !request.ignored.contains(index) {
            let key = request.tokens[index].key
            if RequestWords.roleNouns.contains(key) || key == "access" { starts.append((index - 1, false)) }
            if key == "as" || key == "role" { starts.append((index + (request.tokens.indices.contains(index + 1) && ["a", "an", "the"].contains(request.tokens[index + 1].key) ? 2 : 1), true)) }
        }
        if let appMention {
            starts.append((appMention.tokens.upperBound, true))
            starts.append((appMention.tokens.lowerBound - 1, false))
            // "Editor in Tableau": the role before the preposition that leads to the application.
            if let before = request.key(near: appMention.tokens.lowerBound, offset: -1), ["in", "on", "for", "to", "at"].contains(before) {
                starts.append((appMention.tokens.lowerBound - 2, false))
            }
        }
        // "Could I get Editor …", "I need a Creator seat": the role right after the verb of asking.
        for index in request.tokens.indices where ["get", "need", "want", "request", "requesting", "make", "be"].contains(request.tokens[index].key) {
            var start = index + 1
            if request.tokens.indices.contains(start), ["me", "a", "an", "the"].contains(request.tokens[start].key) { start += 1 }
            if request.tokens.indices.contains(start), ["a", "an", "the"].contains(request.tokens[start].key) { start += 1 }
            starts.append((start, true))
        }
        // Nothing says where a name is ("Workday HR Partner please"): the first words that are no common words.
        if starts.isEmpty, request.mentions.isEmpty, let first = request.tokens.indices.first(where: { index in
            !request.ignored.contains(index) && !RequestWords.common.contains(request.tokens[index].key) && request.tokens[index].isCapitalized
        }) {
            starts.append((first, true))
        }
        for (start, forward) in starts {
            let words = candidate(in: request, from: start, forward: forward)
            let mention = words.flatMap { unknown(.role, $0, in: request, among: entities) }
            let closest = closestRun(in: request, from: start, forward: forward, among: entities, slot: .role)
            // The longer run of words that resembles the same role is the mention ("Refnd Approver", not "Refnd";
            // "Sealed Recrods Access", read on from the candidate's first word).
            if let mention, mention.suggestion != nil {
                let onward = words.flatMap { closestRun(in: request, from: $0.lowerBound, forward: true, among: entities, slot: .role) }
                for longer in [closest, onward].compactMap({ $0 }) where longer.suggestion == mention.suggestion
                    && longer.text.count > mention.text.count && longer.text.contains(mention.text) {
                    return longer
                }
                return mention
            }
            if let closest { return closest }
            if let mention { return mention }
        }
        return nil
    }

    /// Words with letters of another script that pass for a name: Latin letters mixed with others ("Оkta"),
    /// or a word whose Latin look-alike resembles a directory name. They are unknown, never matched.
    /// Other words of another script ("你好", "Ｈｅｌｌｏ") are only data.
    func foreignWords(in request: RequestText) -> [Range<Int>] {
        // Most requests hold no such word: the directory's keys are gathered only for one that does.
        guard request.tokens.contains(where: \.hasForeignLetters) else { return [] }
        let keys = applications.flatMap(\.keys) + roles(in: nil).flatMap(\.keys) + users.flatMap(\.keys)
        return request.tokens.indices.filter { index in
            let token = request.tokens[index]
            guard token.hasForeignLetters, !request.ignored.contains(index), !request.covered.contains(index) else { return false }
            if token.text.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) { return true }
            guard let skeleton = Confusables.skeleton(token.text), skeleton.count >= 2 else { return false }
            return keys.contains { SimilarityRatio.of(skeleton, $0) >= Self.threshold }
        }.map { $0..<($0 + 1) }
    }

    /// The slot a foreign word most resembles, with its suggestion.
    func unknownForeignWord(_ range: Range<Int>, in request: RequestText, appID: String?, applicationNamed: Bool = false) -> UnknownMention {
        let text = request.written(range)
        let key = NameKey.of(text)
        func best(_ entities: [(id: String, name: String, keys: [String])]) -> Double {
            entities.flatMap(\.keys).map { SimilarityRatio.of(key, $0) }.max() ?? 0
        }
        // With an application named, a disguised word beside it is its role or a person, not a second application.
        let applicationScore = applicationNamed ? -1 : best(applications), roleScore = best(roles(in: appID)), userScore = best(users)
        let (slot, entities): (RequestSlot, [(id: String, name: String, keys: [String])]) =
            applicationScore >= roleScore && applicationScore >= userScore ? (.app, applications)
            : roleScore >= userScore ? (.role, roles(in: appID)) : (.user, users)
        // "Rеfund Approver", "Back Оffice Settlements" with a Cyrillic letter: the whole name it passes for, not the one word.
        let runs = (max(0, range.lowerBound - 2)...range.lowerBound).compactMap { start -> UnknownMention? in
            guard let run = closestRun(in: request, from: start, forward: true, among: entities, slot: slot), run.text.contains(text) else { return nil }
            return run
        }
        if let best = runs.max(by: { score($0) < score($1) }), best.text.count > text.count { return best }
        return UnknownMention(slot: slot, text: text, suggestion: Self.suggestion(for: text, among: entities))
    }

    /// How close a mention is to the name it suggests.
    private func score(_ mention: UnknownMention) -> Double {
        guard let suggestion = mention.suggestion else { return 0 }
        return SimilarityRatio.of(NameKey.of(mention.text), NameKey.of(suggestion))
    }

    private func unknown(_ slot: RequestSlot, _ range: Range<Int>, in request: RequestText,
                         among entities: [(id: String, name: String, keys: [String])]) -> UnknownMention? {
        guard !isKnownOtherName(range, in: request) else { return nil }
        let text = request.written(range)
        let suggestion = Self.suggestion(for: text, among: entities)
        guard suggestion != nil || looksLikeName(range, in: request) else { return nil }
        return UnknownMention(slot: slot, text: text, suggestion: suggestion)
    }

    /// "for the SSO migration", "for the Q3 audit": a purpose, not an application.
    private func isPurpose(_ range: Range<Int>, in request: RequestText) -> Bool {
        let purposes: Set<String> = ["migration", "project", "audit", "launch", "release", "rollout", "review", "report", "initiative",
                                     "cutover", "upgrade", "implementation", "integration", "deadline", "presentation", "campaign", "pilot"]
        if range.contains(where: { purposes.contains(request.tokens[$0].key) }) { return true }
        return request.key(near: range.upperBound - 1, offset: 1).map(purposes.contains) ?? false
    }

    /// Departments, job titles and weekdays are not unknown applications.
    func isKnownOtherName(_ range: Range<Int>, in request: RequestText) -> Bool {
        let key = range.map { request.tokens[$0].key }.joined()
        return snapshot.otherNames.contains(key)
    }
}
