/// British and American spellings of one word ("optimisation" and "optimization", "behaviour" and "behavior",
/// "paediatric" and "pediatric"). ESCO writes British English and the curated dictionary mostly American; postings
/// write either, so the skill trie gives both spellings of a word one number.
enum EnglishSpelling {
    /// The word's spellings in the other variety of English, for a folded (lowercased) word; empty for most words.
    /// Some rewrites make words nobody writes ("labouratory" is not made, but "exercize" is); they cost a table
    /// entry and match nothing.
    static func otherSpellings(of word: String) -> [String] {
        var spellings: [String] = []
        for (one, other) in suffixPairs where word.count >= 7 {
            if word.hasSuffix(one) { spellings.append(String(word.dropLast(one.count)) + other) }
            if word.hasSuffix(other) { spellings.append(String(word.dropLast(other.count)) + one) }
        }
        for stem in ourStems {
            for ending in ourEndings {
                if word == stem + "ur" + ending { spellings.append(stem + "r" + ending) }
                if word == stem + "r" + ending { spellings.append(stem + "ur" + ending) }
            }
        }
        for (one, other) in prefixPairs {
            if word.hasPrefix(one) { spellings.append(other + word.dropFirst(one.count)) }
            if word.hasPrefix(other) { spellings.append(one + word.dropFirst(other.count)) }
        }
        if let pair = wholeWords[word] { spellings.append(pair) }
        return spellings.filter { $0 != word }
    }

    /// Endings written one way in British and another in American English (British first).
    private static let suffixPairs: [(String, String)] = [
        ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ises", "izes"), ("ised", "ized"), ("ising", "izing"),
        ("iser", "izer"), ("isers", "izers"), ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"), ("ysing", "yzing"), ("yser", "yzer"), ("ysers", "yzers"),
        ("elling", "eling"), ("elled", "eled"), ("eller", "eler"), ("ellers", "elers"), ("ellor", "elor"), ("ellors", "elors"),
    ]

    /// Words whose "our" is "or" in American English ("behaviour", "labour"), with the endings they take.
    private static let ourStems = ["behavio", "colo", "labo", "favo", "hono", "neighbo", "rumo", "harbo", "humo", "vapo", "odo",
                                   "tumo", "endeavo", "flavo", "savo", "armo", "rigo", "vigo"]
    private static let ourEndings = ["", "s", "al", "ally", "ed", "ing", "able", "ite", "ites", "ful", "less", "ist", "ists", "ism",
                                     "er", "ers"]

    /// Medical and other word beginnings spelt with "ae" or "oe" in British English.
    private static let prefixPairs: [(String, String)] = [
        ("paed", "ped"), ("haem", "hem"), ("anaes", "anes"), ("gynae", "gyne"), ("orthopae", "orthope"), ("oesoph", "esoph"),
        ("oedem", "edem"), ("oestr", "estr"), ("foet", "fet"), ("leukae", "leuke"), ("ischae", "ische"), ("caesar", "cesar"),
    ]

    /// Whole words, both ways.
    private static let wholeWords: [String: String] = {
        let pairs = [
            ("centre", "center"), ("centres", "centers"), ("centred", "centered"), ("theatre", "theater"), ("theatres", "theaters"),
            ("fibre", "fiber"), ("fibres", "fibers"), ("litre", "liter"), ("litres", "liters"), ("metre", "meter"), ("metres", "meters"),
            ("calibre", "caliber"), ("catalogue", "catalog"), ("catalogues", "catalogs"), ("dialogue", "dialog"), ("analogue", "analog"),
            ("licence", "license"), ("licences", "licenses"), ("defence", "defense"), ("offence", "offense"),
            ("programme", "program"), ("programmes", "programs"), ("enrol", "enroll"), ("enrolment", "enrollment"),
            ("fulfil", "fulfill"), ("fulfilment", "fulfillment"), ("skilful", "skillful"), ("judgement", "judgment"),
            ("ageing", "aging"), ("cheque", "check"), ("cheques", "checks"), ("tyre", "tire"), ("tyres", "tires"), ("grey", "gray"),
            ("aluminium", "aluminum"), ("mould", "mold"), ("moulding", "molding"), ("plough", "plow"), ("diarrhoea", "diarrhea"),
            ("dyspnoea", "dyspnea"), ("apnoea", "apnea"), ("anaemia", "anemia"), ("manoeuvre", "maneuver"), ("sceptic", "skeptic"),
        ]
        var words: [String: String] = [:]
        for (british, american) in pairs {
            words[british] = american
            words[american] = british
        }
        return words
    }()
}
