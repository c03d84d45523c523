/// British and American spellings of one word ("optimisation" and "optimization", "behaviour" and "behavior",
/// "paediatric" and "pediatric"). ESCO writes British English and the curated dictionary mostly American; postings
/// write either, so the skill trie gives both spellings of a word one number.
enum EnglishSpelling {
    /// The word's spellings in the other variety of English, for a folded (lowercased) word; empty for most words.
    /// Some rewrites make words nobody writes ("labouratory" is not made, but "exercize" is); they cost a table
    /// entry and match nothing. It runs for every word of the taxonomy while the extractor is built, so it compares
    /// bytes and makes nothing for a word no rule touches.
    static func otherSpellings(of word: [UInt8]) -> [[UInt8]] {
        var spellings: [[UInt8]] = []
        if word.count >= 7 {
            for (one, other) in suffixPairs {
                if word.ends(with: one) { spellings.append(Array(word.dropLast(one.count)) + other) }
                if word.ends(with: other) { spellings.append(Array(word.dropLast(other.count)) + one) }
            }
        }
        for stem in ourStems where word.starts(with: stem) {
            let rest = word.dropFirst(stem.count)
            if rest.starts(with: ur), ourEndings.contains(Array(rest.dropFirst(2))) {
                spellings.append(stem + r + rest.dropFirst(2))
            } else if rest.starts(with: r), ourEndings.contains(Array(rest.dropFirst(1))) {
                spellings.append(stem + ur + rest.dropFirst(1))
            }
        }
        for (one, other) in prefixPairs {
            if word.starts(with: one) { spellings.append(other + word.dropFirst(one.count)) }
            if word.starts(with: other) { spellings.append(one + word.dropFirst(other.count)) }
        }
        if let pair = wholeWords[word] { spellings.append(pair) }
        return spellings.filter { $0 != word }
    }

    private static let ur = Array("ur".utf8), r = Array("r".utf8)

    /// Endings written one way in British and another in American English (British first).
    private static let suffixPairs: [([UInt8], [UInt8])] = bytePairs([
        ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ises", "izes"), ("ised", "ized"), ("ising", "izing"),
        ("iser", "izer"), ("isers", "izers"), ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"), ("ysing", "yzing"), ("yser", "yzer"), ("ysers", "yzers"),
        ("elling", "eling"), ("elled", "eled"), ("eller", "eler"), ("ellers", "elers"), ("ellor", "elor"), ("ellors", "elors"),
    ])

    /// Words whose "our" is "or" in American English ("behaviour", "labour"), with the endings they take.
    private static let ourStems = ["behavio", "colo", "labo", "favo", "hono", "neighbo", "rumo", "harbo", "humo", "vapo", "odo",
                                   "tumo", "endeavo", "flavo", "savo", "armo", "rigo", "vigo"].map { Array($0.utf8) }
    private static let ourEndings = Set(["", "s", "al", "ally", "ed", "ing", "able", "ite", "ites", "ful", "less", "ist", "ists", "ism",
                                         "er", "ers"].map { Array($0.utf8) })

    /// Medical and other word beginnings spelt with "ae" or "oe" in British English.
    private static let prefixPairs: [([UInt8], [UInt8])] = bytePairs([
        ("paed", "ped"), ("haem", "hem"), ("anaes", "anes"), ("gynae", "gyne"), ("orthopae", "orthope"), ("oesoph", "esoph"),
        ("oedem", "edem"), ("oestr", "estr"), ("foet", "fet"), ("leukae", "leuke"), ("ischae", "ische"), ("caesar", "cesar"),
    ])

    /// Whole words, both ways.
    private static let wholeWords: [[UInt8]: [UInt8]] = {
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
        var words: [[UInt8]: [UInt8]] = [:]
        for (british, american) in bytePairs(pairs) {
            words[british] = american
            words[american] = british
        }
        return words
    }()

    private static func bytePairs(_ pairs: [(String, String)]) -> [([UInt8], [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
