import Foundation

extension ExtractedSkill {
    /// The skill named as the text spells it when the text writes the name in the other English spelling:
    /// a British posting asking for "organisational skills" or "prioritisation" gets those words back,
    /// not the dictionary's "Organizational skills". A credential asked for by its British name ("a full UK
    /// driving licence") gets that name, not the American one ("Driver's license"): a licence is called what its
    /// issuer calls it, where a skill's other words ("strong organisational") only describe it.
    func namedAsWritten() -> ExtractedSkill {
        if let british = britishName() {
            var renamed = self
            renamed.concept.name = british
            return renamed
        }
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

    /// For a credential: the one way every mention writes it, capitalised, when that is a British spelling of
    /// words other than the name's (a name that differs only in spelling is left to the word-by-word renaming).
    private func britishName() -> String? {
        guard concept.category == "certification", let first = mentions.first?.text.lowercased(),
              mentions.allSatisfy({ $0.text.lowercased() == first }),
              first.split(separator: " ").contains(where: { Self.isBritishSpelling($0) }),
              Self.spellingKey(first) != Self.spellingKey(concept.name) else { return nil }
        return first.prefix(1).uppercased() + first.dropFirst()
    }

    /// A word written only in British English: "-isation" and "-yse" forms and a list of common others.
    /// (`spellingKey`'s rewrites are too loose for this on their own: "billing", "mitre".)
    static func isBritishSpelling(_ word: Substring) -> Bool {
        let word = word.lowercased()
        if ["isation", "isations", "isational", "yse", "ysed", "yses", "ysing"].contains(where: { word.hasSuffix($0) }) {
            return word.count > 5
        }
        return britishWords.contains(word)
    }

    private static let britishWords: Set<String> = [
        "licence", "licences", "colour", "colours", "behaviour", "behaviours", "behavioural", "labour", "favour",
        "honour", "neighbour", "flavour", "centre", "centres", "metre", "metres", "litre", "litres", "theatre",
        "programme", "programmes", "catalogue", "defence", "offence", "practise", "travelling", "modelling",
        "labelling", "cancelled", "fulfil", "enrol", "enrolment", "aluminium", "tyre", "tyres", "cheque", "cheques",
        "paediatric", "paediatrics", "anaesthesia", "anaesthetic", "anaesthetics", "orthopaedic", "orthopaedics",
        "haematology", "gynaecology", "oesophageal", "organise", "organised", "prioritise", "optimise", "optimised",
        "specialise", "specialised", "recognise", "recognised", "summarise", "visualise", "customise", "utilise",
    ]

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
