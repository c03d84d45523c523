import Foundation

extension ExtractedSkill {
    /// The skill named as the text spells it when the text writes the name in the other English spelling:
    /// a British posting asking for "organisational skills" or "prioritisation" gets those words back,
    /// not the dictionary's "Organizational skills".
    func namedAsWritten() -> ExtractedSkill {
        let written = mentions.flatMap { $0.text.split(separator: " ") }.map(String.init)
        var changed = false
        let words = concept.name.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let key = Self.spellingKey(String(word))
            guard let other = written.first(where: { $0.lowercased() != word.lowercased() && Self.spellingKey($0) == key }) else {
                return String(word)
            }
            changed = true
            return String(word.prefix(1) + other.dropFirst())
        }
        guard changed else { return self }
        var renamed = self
        renamed.concept.name = words.joined(separator: " ")
        return renamed
    }

    /// A word's spelling with British forms turned American, lowercased.
    static func spellingKey(_ text: String) -> String {
        var key = text.lowercased()
        for (british, american) in [("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("our", "or"), ("tre", "ter"),
                                    ("lled", "led"), ("lling", "ling"), ("ogue", "og"), ("ence", "ense")] {
            key = key.replacingOccurrences(of: british, with: american)
        }
        return key
    }
}
