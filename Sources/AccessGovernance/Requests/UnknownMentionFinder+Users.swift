/// Unknown people: names, logins and addresses in the places a request names who gets the access.
extension UnknownMentionFinder {
    /// Unknown users: a name-like run after "for", "give", "grant", "add" that is no one in the directory.
    func unknownUser(in request: RequestText) -> UnknownMention? {
        for index in request.tokens.indices where !request.ignored.contains(index) {
            let token = request.tokens[index]
            if token.isEmail, !request.covered.contains(index) {
                return UnknownMention(slot: .user, text: token.text, suggestion: Self.suggestion(for: token.text, among: users))
            }
            var range: Range<Int>?
            let setUp = token.key == "up" && index > 0 && request.tokens[index - 1].key == "set"
            if ["for", "give", "grant", "add", "provision", "onboard", "behalf"].contains(token.key) || setUp {
                range = candidate(in: request, from: index + (token.key == "behalf" ? 2 : 1))
            } else if RequestWords.beneficiaryAfter.contains(token.key), !["is", "has", "can", "will", "would"].contains(token.key) {
                // "Prya Shah needs …", "u1099 needs …"
                range = candidate(in: request, from: index - 1, forward: false)
                if range == nil, index > 0, isUserIDLike(request.tokens[index - 1]), !request.covered.contains(index - 1) { range = (index - 1)..<index }
            }
            guard let range, !isKnownOtherName(range, in: request),
                  !range.contains(where: { RequestWords.personNouns.contains(request.tokens[$0].key) }) else { continue }
            let text = request.written(range)
            let suggestion = Self.suggestion(for: text, among: users)
            // "Editor access for ArcGSI": what resembles an application and no one is an application.
            if suggestion == nil, Self.suggestion(for: text, among: applications) != nil { continue }
            // A login written in lowercase ("jnakamra needs …") counts when it resembles someone, and so does
            // a capitalised word that opens the sentence and is said to need something ("Zelda needs …").
            let opensNeed = range.count == 1 && range.upperBound == index && request.tokens[range.lowerBound].isCapitalized
                && ["needs", "requires", "wants", "requests", "must"].contains(token.key)
            guard looksLikeName(range, in: request) || isUserIDLike(range, in: request) || suggestion != nil || opensNeed else { continue }
            return UnknownMention(slot: .user, text: text, suggestion: suggestion)
        }
        return nil
    }

    /// "u1099", "jdoe42": letters and digits together, the shape of a user id.
    func isUserIDLike(_ range: Range<Int>, in request: RequestText) -> Bool {
        let key = range.map { request.tokens[$0].key }.joined()
        return key.contains(where: \.isNumber) && key.contains(where: \.isLetter) && AccessDuration(iso: key) == nil
    }

    func isUserIDLike(_ token: RequestToken) -> Bool {
        token.key.contains(where: \.isNumber) && token.key.contains(where: \.isLetter) && !token.key.hasPrefix("p")
    }
}
