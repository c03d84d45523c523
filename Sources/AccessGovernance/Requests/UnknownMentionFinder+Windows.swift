/// Misspelt names of several words whose other words are ordinary ones ("Relase Manager", "Store Page
/// Editr"): the word-by-word candidate stops at "Manager" or "Page", and what is left resembles nothing.
/// Here every run of up to four words from a starting word is compared with the entities' names, common
/// words included, and the run that resembles one entity clearly wins.
extension UnknownMentionFinder {
    /// Words that never belong to a name, whatever the name: they join a request's parts.
    static let joiningWords: Set<String> = [
        "the", "a", "an", "in", "on", "to", "for", "of", "and", "or", "with", "at", "from", "into", "as", "me", "my", "our",
        "please", "pls", "role", "access", "need", "needs", "get", "give", "grant", "want", "request", "i", "we", "is", "be",
    ]

    /// The run of words from `start` (going `forward` or back) that best resembles one of `entities`, as an unknown
    /// mention with its suggestion; nil when no run reaches the threshold with the margin.
    func closestRun(in request: RequestText, from start: Int, forward: Bool,
                    among entities: [(id: String, name: String, keys: [String])], slot: RequestSlot) -> UnknownMention? {
        var best: (range: Range<Int>, score: Double, suggestion: String)?
        var position = start
        var indexes: [Int] = []
        // "access" joins a request's parts but may end a role's name ("Sealed Records Access"): never its first word.
        while request.tokens.indices.contains(position), indexes.count < 4,
              isNameWord(position, in: request) || (!indexes.isEmpty && request.tokens[position].key == "access" && !request.ignored.contains(position)) {
            if let last = indexes.last, isBroken(last, position, in: request) { break }
            indexes.append(position)
            position += forward ? 1 : -1
            let range = indexes.min()!..<(indexes.max()! + 1)
            // At least one word the directory does not know: a run of known names is not misspelt.
            guard range.contains(where: { !request.covered.contains($0) }) else { continue }
            let text = request.written(range)
            guard let suggestion = Self.suggestion(for: text, among: entities) else { continue }
            let key = NameKey.of(text)
            let score = entities.first { $0.name == suggestion }.map { $0.keys.map { SimilarityRatio.of(key, $0) }.max() ?? 0 } ?? 0
            if score > best?.score ?? 0 { best = (range, score, suggestion) }
        }
        guard let best, !isKnownOtherName(best.range, in: request) else { return nil }
        return UnknownMention(slot: slot, text: request.written(best.range), suggestion: best.suggestion)
    }

    /// A word that may be part of a name: not left out, no email, duration, number or joining word, and
    /// covered at most by a role's name (a misspelt role may end in another role's word: "Page Editr").
    private func isNameWord(_ index: Int, in request: RequestText) -> Bool {
        let token = request.tokens[index]
        // Numbers may be part of a name ("Level 2 Approver"); durations are not.
        guard !request.ignored.contains(index), !token.isEmail, !token.key.isEmpty,
              !Self.joiningWords.contains(token.key), AccessDuration(iso: token.text) == nil else { return false }
        return !request.mentions.contains { $0.kind != .role && $0.tokens.contains(index) }
    }
}
