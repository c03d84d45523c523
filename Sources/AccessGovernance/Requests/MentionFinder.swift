/// Finds the directory's names in a request's words: the longest run of words whose joined key is a
/// name, id or alias wins, so "Read Only" is one role and not the word "Read".
struct MentionFinder {
    let lexicon: DirectoryLexicon

    /// `ignored` token indexes (text quoted from instructions, markup or headers) never form a mention.
    func mentions(in tokens: [RequestToken], text: String, ignoring ignored: Set<Int>) -> [Mention] {
        var found: [Mention] = []
        var covered = Set<Int>()
        let longest = lexicon.longestName + 1
        var start = 0
        while start < tokens.count {
            guard !ignored.contains(start) else { start += 1; continue }
            // A title and a surname name a person even when the surname is also an application or a
            // role ("Ms. Jenkins", "Mr. Reader"): people are addressed so, products never are.
            if let person = titledSurname(tokens, from: start, text: text, ignoring: ignored) {
                found.append(person)
                covered.formUnion(person.tokens)
                start = person.tokens.upperBound
                continue
            }
            var matched: [Mention] = []
            var length = min(longest, tokens.count - start)
            while length >= 1 && matched.isEmpty {
                let range = start..<(start + length)
                if !range.contains(where: ignored.contains), !(length > 1 && tokens[range].contains(where: \.isEmail)) {
                    matched = exactMentions(tokens, range, text: text)
                }
                length -= 1
            }
            if let first = matched.first {
                found += matched
                // A shorter role at the same start stays a candidate: "read only access" is the role
                // ReadOnlyAccess in one application and Read Only in another.
                var shorter = first.tokens.count - 1
                while shorter >= 1 {
                    let range = start..<(start + shorter)
                    found += exactMentions(tokens, range, text: text).filter { $0.kind == .role }
                    shorter -= 1
                }
                covered.formUnion(first.tokens)
                start = first.tokens.upperBound
            } else {
                start += 1
            }
        }
        var partOfPrevious = Set<Int>()
        for index in tokens.indices where !covered.contains(index) && !ignored.contains(index) && !partOfPrevious.contains(index) {
            // "Mary-Kate": a hyphenated first name, read as one before its parts.
            if index + 1 < tokens.count, !covered.contains(index + 1), text[tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound] == "-",
               let ids = lexicon.firstNames[tokens[index].key + tokens[index + 1].key], tokens[index].isCapitalized {
                found.append(Mention(kind: .user, ids: ids, tokens: index..<(index + 2),
                                     text: String(text[tokens[index].range.lowerBound..<tokens[index + 1].range.upperBound]), form: .partialName))
                partOfPrevious.insert(index + 1)
                continue
            }
            if let mention = partialName(tokens, index, text: text) { found.append(mention) }
        }
        return found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    private func exactMentions(_ tokens: [RequestToken], _ range: Range<Int>, text: String) -> [Mention] {
        let key = tokens[range].map(\.key).joined()
        guard !key.isEmpty else { return [] }
        let written = String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
        var mentions: [Mention] = []
        if let ids = lexicon.users[key] { mentions.append(Mention(kind: .user, ids: ids, tokens: range, text: written, form: .exact)) }
        if let ids = lexicon.applications[key] {
            if !lexicon.derivedApplicationKeys.contains(key) {
                mentions.append(Mention(kind: .application, ids: ids, tokens: range, text: written, form: .exact))
            } else if range.count == 1, tokens[range.lowerBound].isUppercase || !RequestWords.common.contains(key) {
                mentions.append(Mention(kind: .application, ids: ids, tokens: range, text: written, form: .abbreviation))
            }
        }
        if let ids = lexicon.roles[key], !(lexicon.roleIDOnlyKeys.contains(key) && range.count > 1 && written.contains(where: \.isWhitespace)
                                              && continuesName(tokens, after: range, text: text)) {
            mentions.append(Mention(kind: .role, ids: ids, tokens: range, text: written, form: .exact))
        }
        return mentions
    }

    /// Whether the word right after `range` goes on with the same name ("Pyxis Nurse Usr"): no punctuation
    /// between, and not a common word ("Vocera Admin for P30D" ends at "Admin").
    private func continuesName(_ tokens: [RequestToken], after range: Range<Int>, text: String) -> Bool {
        guard range.upperBound < tokens.count else { return false }
        let next = tokens[range.upperBound]
        let gap = text[tokens[range.upperBound - 1].range.upperBound..<next.range.lowerBound]
        return gap.allSatisfy { $0 == " " } && !RequestWords.common.contains(next.key) && AccessDuration(iso: next.text) == nil
    }

    /// "Ms. Taylor", "Mr. O'Connor-Hughes": a title, then the longest run of words that is a surname.
    private func titledSurname(_ tokens: [RequestToken], from start: Int, text: String, ignoring ignored: Set<Int>) -> Mention? {
        guard RequestWords.titles.contains(tokens[start].key), start + 1 < tokens.count else { return nil }
        var length = min(lexicon.longestSurname, tokens.count - start - 1)
        while length >= 1 {
            let range = (start + 1)..<(start + 1 + length)
            if !range.contains(where: ignored.contains), tokens[range].allSatisfy({ !$0.isEmail }),
               let ids = lexicon.surnames[tokens[range].map(\.key).joined()] {
                let whole = start..<range.upperBound
                return Mention(kind: .user, ids: ids, tokens: whole,
                               text: String(text[tokens[start].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound]), form: .partialName)
            }
            length -= 1
        }
        return nil
    }

    /// A first name alone ("Chloe"). A word that is also a common word ("Will", "Grant") only counts
    /// when its capital cannot come from the sentence.
    private func partialName(_ tokens: [RequestToken], _ index: Int, text: String) -> Mention? {
        let token = tokens[index]
        // A surname alone where a person is named ("Please give Okoye …", "Okoye needs …"), written with its capital.
        // Not after another capitalised word: "Prya Shah" is a misspelt full name, not "Shah".
        if lexicon.firstNames[token.key] == nil, let ids = lexicon.surnames[token.key], token.isCapitalized, !token.startsSentence,
           !RequestWords.common.contains(token.key), index == 0 || !tokens[index - 1].isCapitalized,
           (index > 0 && RequestWords.beneficiaryBefore.contains(tokens[index - 1].key))
            || (index + 1 < tokens.count && ["needs", "requires", "wants"].contains(tokens[index + 1].key)) {
            return Mention(kind: .user, ids: ids, tokens: index..<(index + 1), text: token.text, form: .partialName)
        }
        guard let ids = lexicon.firstNames[token.key] else { return nil }
        if RequestWords.common.contains(token.key) {
            let followedByNeed = index + 1 < tokens.count && RequestWords.beneficiaryAfter.contains(tokens[index + 1].key)
            guard token.isCapitalized, !token.startsSentence || followedByNeed else { return nil }
        }
        return Mention(kind: .user, ids: ids, tokens: index..<(index + 1), text: token.text, form: .partialName)
    }
}
