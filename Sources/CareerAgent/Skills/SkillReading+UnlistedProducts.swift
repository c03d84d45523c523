extension SkillReading {
    /// Words shaped like product names that are not: degrees, agencies, kinds of business.
    private static let notProducts: Set<String> = [
        "PhD", "PhDs", "MSc", "BSc", "MEng", "MPhil", "DPhil", "PharmD", "PsyD", "EdD", "DoD", "MoD", "DoE", "DoT", "GmbH",
        "SaaS", "PaaS", "IaaS", "FinTech", "EdTech", "HealthTech", "PropTech", "InsurTech", "eCommerce", "B2B", "B2C",
    ]

    /// Words after a name that make it an organisation's: "ShipRight Logistics", "NorthStar Inc".
    private static let organisationWords = ByteWordSet([
        "inc", "llc", "ltd", "corp", "corporation", "company", "co", "group", "gmbh", "health", "healthcare", "bank", "logistics",
        "financial", "partners", "labs", "studios", "foundation", "hospital", "clinic", "center", "centre", "solutions",
        "technologies", "industries", "holdings", "capital", "insurance", "realty", "properties", "foods", "hotels", "resorts",
        "robotics", "systems", "team", "family", "university", "college", "school", "academy", "agency", "consulting",
    ])

    /// Words before a name that make it an organisation's: "at NorthStar", "join BrightPath".
    private static let organisationLeads = ByteWordSet(["at", "join", "joining", "about", "welcome"])

    /// Product names written the way only names are, with a capital inside the word ("EnterpriseRx", "HydroCAD",
    /// "iManage"), in what the posting asks for. The company's own name is written that way too, so a word that
    /// also appears in the title, the company introduction or other boilerplate, or next to an organisation
    /// word ("ShipRight Logistics", "at NorthStar", "NorthStar's"), is not taken anywhere in the text.
    func unlistedProducts(regions: [Region], coverage: [Coverage]) -> [UnlistedSkill] {
        var candidates: [(index: Int, name: String)] = []
        var organisations = Set<String>()
        var inTitle = true
        for index in words.indices {
            if index > 0, words[index].newLine { inTitle = false }
            guard let name = productShapedWord(at: index) else { continue }
            if inTitle || regions[index].isBoilerplate || nextToOrganisationWord(index) {
                organisations.insert(name)
            } else if case .none = coverage[index] {
                candidates.append((index, name))
            }
        }
        var result: [UnlistedSkill] = []
        var seen = Set<String>()
        for (index, name) in candidates where !organisations.contains(name) && seen.insert(name).inserted {
            result.append(UnlistedSkill(name: name, category: "tool", start: words[index].start, end: words[index].end,
                                        isRequired: !regions[index].isOptional))
        }
        // Later mentions of a name already taken are mentions too.
        return result + candidates.compactMap { index, name in
            guard !organisations.contains(name), let first = result.first(where: { $0.name == name }), first.start != words[index].start
            else { return nil }
            return UnlistedSkill(name: name, category: "tool", start: words[index].start, end: words[index].end, isRequired: first.isRequired)
        }
    }

    /// The word at `index` when it is one word of four or more ASCII letters with a capital after a small letter
    /// inside it, and not a plural abbreviation ("KPIs") or a surname ("McDonald").
    private func productShapedWord(at index: Int) -> String? {
        let word = words[index]
        guard !word.joinsPrevious, !word.hasLeadingDot, index + 1 >= words.count || !words[index + 1].joinsPrevious else { return nil }
        let letters = bytes[word.start..<word.end]
        guard letters.count >= 4, letters.allSatisfy(Self.isLetter) else { return nil }
        guard zip(letters, letters.dropFirst()).contains(where: { Self.isLower($0) && Self.isUpper($1) }) else { return nil }
        let withoutPlural = letters.last == UInt8(ascii: "s") ? letters.dropLast() : letters[...]
        if withoutPlural.allSatisfy(Self.isUpper) { return nil }
        let name = String(decoding: letters, as: UTF8.self)
        if name.hasPrefix("Mc") || name.hasPrefix("Mac") || Self.notProducts.contains(name) { return nil }
        return name
    }

    private func nextToOrganisationWord(_ index: Int) -> Bool {
        let after = bytes[words[index].end...]
        if after.starts(with: Array("'s".utf8)) || after.starts(with: Array("’s".utf8)) { return true }  // "NorthStar's"
        if index + 1 < words.count, !words[index + 1].newSentence, word(index + 1, isIn: Self.organisationWords) { return true }
        if index > 0, !words[index].newSentence, word(index - 1, isIn: Self.organisationLeads) { return true }
        return false
    }
}
