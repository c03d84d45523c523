import Domain
import Foundation
import JobPostings

/// Deterministic, realistic job postings for `wayfinder serve --demo` and for benchmarks.
///
/// Occupations (title, definition, skills) come from `Resources/demo-occupations.tsv`, derived from
/// ESCO by `Scripts/make-demo-data.py`; companies, cities, salaries, dates and wording are drawn from
/// the word lists in `DemoCorpus+Vocabulary.swift` by a SplitMix64 generator seeded with the posting
/// number, so `posting(number:now:)` is a pure function of its arguments and postings can be made in
/// any order or in parallel. Everything reusable is prepared once at init; the hot path does no
/// regex, formatter or `String(format:)` work.
public struct DemoCorpus: Sendable {
    public enum LoadError: Error, Sendable {
        case resourceMissing
        case noOccupations
    }

    struct Occupation: Sendable {
        let title: String
        let titleHTML: String
        let definition: String
        let definitionHTML: String
        let skills: [String]
        let skillsHTML: [String]
        /// Yearly US-dollar salary of a mid-level US posting.
        let baseSalary: Int
        let isTech: Bool
    }

    struct Company: Sendable {
        let name: String
        let blurb: String
    }

    let occupations: [Occupation]
    let techOccupations: [Int]
    let companies: [Company]

    /// Parses the resource text: `title<TAB>definition<TAB>skill|skill|...` lines, `#` comments.
    public init(occupationsTSV: String) throws {
        var occupations: [Occupation] = []
        for rawLine in occupationsTSV.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            let title = String(fields[0]), definition = String(fields[1])
            let skills = fields[2].split(separator: "|").map { Self.capitalizingFirst(String($0)) }
            guard !title.isEmpty, !definition.isEmpty, !skills.isEmpty else { continue }
            let words = Set(title.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
            let isTech = words.isDisjoint(with: Self.nonTechWords)
                && (!words.isDisjoint(with: Self.techWords)
                    || (!(words.isDisjoint(with: ["developer", "programmer"]))
                        && !words.isDisjoint(with: Self.developerContextWords)))
            occupations.append(Occupation(
                title: title, titleHTML: Self.escapeHTML(title),
                definition: definition, definitionHTML: Self.escapeHTML(definition),
                skills: skills, skillsHTML: skills.map(Self.escapeHTML),
                baseSalary: Self.baseSalary(title: title, words: words, isTech: isTech), isTech: isTech))
        }
        guard !occupations.isEmpty else { throw LoadError.noOccupations }
        self.occupations = occupations
        self.techOccupations = occupations.indices.filter { occupations[$0].isTech }
        let prefixes = Self.companyPrefixes, suffixes = Self.companySuffixes
        self.companies = (0..<300).map { i in
            let suffix = suffixes[(i / prefixes.count + i) % suffixes.count]
            let name = prefixes[i % prefixes.count] + " " + suffix.name
            let size = Self.companySizes[(i * 7) % Self.companySizes.count]
            let blurb = name + " is " + Self.article(for: size) + " " + size + " " + suffix.industry
                + " company " + Self.companyHistories[(i * 5 + 3) % Self.companyHistories.count] + ". "
                + Self.companyValues[(i * 3 + 1) % Self.companyValues.count]
            return Company(name: name, blurb: blurb)
        }
    }

    /// The corpus shipped in the app's resources.
    public static func bundled() throws -> DemoCorpus {
        guard let url = Bundle.module.url(forResource: "demo-occupations", withExtension: "tsv", subdirectory: "Resources")
        else { throw LoadError.resourceMissing }
        return try DemoCorpus(occupationsTSV: String(contentsOf: url, encoding: .utf8))
    }

    /// Postings number 0 through `count - 1`, made in parallel for large counts.
    public func postings(count: Int, now: Date) -> [JobPosting] {
        guard count > 0 else { return [] }
        if count < 4096 { return (0..<count).map { posting(number: $0, now: now) } }
        let chunk = 1024, chunks = (count + chunk - 1) / chunk
        return [JobPosting](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk initializes its own disjoint range, so sharing the pointer is safe.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                    (base + i).initialize(to: posting(number: i, now: now))
                }
            }
            initialized = count
        }
    }

    /// The `number`-th posting: the same arguments always give the same posting.
    public func posting(number: Int, now: Date) -> JobPosting {
        var rng = SplitMix64(seed: UInt64(bitPattern: Int64(number)) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5DEE_CE66_D1CE_4E5B)
        let occupation = !techOccupations.isEmpty && rng.percent(25)
            ? occupations[rng.pick(techOccupations)]
            : rng.pick(occupations)
        let city = rng.pick(Self.cities)
        let country = Self.countries[city.country]
        let company = rng.pick(companies)
        let remote = rng.percent(20)
        let roll = rng.below(100)
        let employment: EmploymentType = roll < 78 ? .fullTime : roll < 87 ? .partTime
            : roll < 93 ? .contract : roll < 97 ? .temporary : .internship

        // Seniority: title prefix, salary factor, years of experience asked for.
        var prefix = "", suffix = "", level = 1, factor = 1.0
        if employment == .internship {
            level = -1; factor = 0.4
        } else {
            let seniority = rng.below(100)
            if seniority < 10 { prefix = "Junior "; level = 0; factor = 0.78 }
            else if seniority < 28 { prefix = "Senior "; level = 2; factor = 1.3 }
            else if seniority < 34 { prefix = "Lead "; level = 3; factor = 1.45 }
            else if seniority < 38 { prefix = "Principal "; level = 3; factor = 1.6 }
        }
        if country.genderSuffix && rng.percent(60) { suffix += " (m/f/d)" }
        else if remote && rng.percent(30) { suffix += " (Remote)" }
        else if employment == .partTime && rng.percent(40) { suffix += " (Part-Time)" }
        else if employment == .contract && rng.percent(30) { suffix += " – 12-Month Contract" }
        let roleTitle = prefix + occupation.title + (level == -1 ? " Intern" : "")
        let roleTitleHTML = prefix + occupation.titleHTML + (level == -1 ? " Intern" : "")
        let title = roleTitle + suffix
        let plainTitle = occupation.title, an = Self.article(for: roleTitle), aPlain = Self.article(for: plainTitle)

        // Salary: yearly figures even when stated per hour.
        var minSalary: Int?, maxSalary: Int?, payInterval: PayInterval?, salaryText = ""
        if rng.percent(70) {
            let yearly = Double(occupation.baseSalary) * factor * country.salaryFactor * (0.9 + 0.2 * rng.unit())
            let spread = 1.12 + 0.23 * rng.unit()
            let hourlyBias = employment == .fullTime ? 0 : 35
            if rng.percent(min(90, country.hourlyPercent + hourlyBias)) {
                let low = max(1, Int((yearly / 2080).rounded())), high = max(low + 1, Int((yearly * spread / 2080).rounded()))
                minSalary = low * 2080; maxSalary = high * 2080; payInterval = .hour
                salaryText = "The pay for this position is " + Self.money(low, country) + "–" + Self.money(high, country) + " per hour."
            } else {
                let low = Self.roundNice(yearly), high = max(low + Self.step(low), Self.roundNice(yearly * spread))
                minSalary = low; maxSalary = high; payInterval = .year
                salaryText = "The salary range for this position is " + Self.money(low, country) + "–" + Self.money(high, country) + " per year."
            }
        }

        // Dates: posted within 60 days; 3% already expired, the rest open for 30...90 days in all.
        let day = 86_400, expired = rng.percent(3)
        let age = expired ? 31 * day + rng.below(29 * day) : rng.below(60 * day)
        let duration: Int
        if expired { duration = 30 * day + rng.below(age - 30 * day - 3600) }
        else { let shortest = max(30 * day, age + day); duration = shortest + rng.below(90 * day - shortest + 1) }
        let posted = now.addingTimeInterval(-Double(age))
        let closed = rng.percent(2)

        var d = DescriptionBuilder()
        let cityName = city.name
        d.open()
        switch rng.below(5) {
        case 0: d.add(company.name + " is hiring " + an + " "); d.add(roleTitle, roleTitleHTML); d.add(" in " + cityName + ".")
        case 1: d.add("Join " + company.name + " as " + an + " "); d.add(roleTitle, roleTitleHTML); d.add(" and help shape how we work in " + cityName + ".")
        case 2: d.add("We are looking for " + aPlain + " "); d.add(plainTitle, occupation.titleHTML); d.add(" to strengthen our team in " + cityName + ".")
        case 3: d.add(company.name + " is searching for a motivated "); d.add(plainTitle, occupation.titleHTML); d.add(" to join its " + Self.departments[rng.below(Self.departments.count)] + " team.")
        default: d.add("Are you " + aPlain + " "); d.add(plainTitle, occupation.titleHTML); d.add(" looking for your next step? " + company.name + " would like to hear from you.")
        }
        if remote { d.add(" This position is fully remote; you can work from anywhere in " + country.name + ".") }
        switch employment {
        case .partTime: d.add(" This is a part-time position of 20 to 30 hours per week.")
        case .contract: d.add(" This is a 12-month contract with the option to extend.")
        case .temporary: d.add(" This is a temporary position for six months.")
        case .internship: d.add(" The internship runs for six months and can start at any time.")
        default: if rng.percent(50) { d.add(" This is a permanent, full-time position.") }
        }
        d.close()
        d.paragraph(company.blurb)
        let role = Self.roleSentences[rng.below(Self.roleSentences.count)]
        let first = rng.below(Self.departments.count), second = (first + 1 + rng.below(Self.departments.count - 1)) % Self.departments.count
        d.open(); d.add("About the role: "); d.add(occupation.definition, occupation.definitionHTML)
        d.add(" " + role.0 + Self.departments[first] + role.1 + Self.departments[second] + role.2); d.close()

        d.listHeader("Requirements:")
        switch level {
        case -1: d.item("Currently studying or recently graduated in a relevant field")
        case 0: d.item("First practical experience in a similar role, for example from an apprenticeship or internship")
        case 1: d.item(String(2 + rng.below(3)) + "+ years of experience as " + aPlain + " ", plainTitle, occupation.titleHTML)
        case 2: d.item(String(5 + rng.below(4)) + "+ years of professional experience, including work as " + aPlain + " ", plainTitle, occupation.titleHTML)
        default: d.item(String(8 + rng.below(5)) + "+ years of experience and a track record of leading teams or projects")
        }
        var picks = Array(occupation.skills.indices)
        let skillCount = min(picks.count, 4 + rng.below(4))
        for i in 0..<skillCount {
            picks.swapAt(i, i + rng.below(picks.count - i))
            d.item("", occupation.skills[picks[i]], occupation.skillsHTML[picks[i]])
        }
        if let language = country.language, rng.percent(40) { d.item("Very good " + language + " and English skills") }
        else if rng.percent(30) { d.item("Good written and spoken English") }
        if rng.percent(8) { d.item("A valid driving licence") }
        d.listEnd()

        d.listHeader("What we offer:")
        var perks = Array(Self.benefits.indices)
        for i in 0..<(3 + rng.below(3)) {
            perks.swapAt(i, i + rng.below(perks.count - i))
            d.item(Self.benefits[perks[i]])
        }
        d.listEnd()
        d.paragraph(salaryText.isEmpty ? Self.closings[rng.below(Self.closings.count)]
                    : salaryText + " " + Self.closings[rng.below(Self.closings.count)])

        return JobPosting(
            jobID: "demo#" + Self.padded(number), providerID: "demo", title: title,
            description: d.finishedText(), descriptionHTML: d.finishedHTML(), company: company.name, location: city.display,
            remote: remote, employmentType: employment, minSalary: minSalary, maxSalary: maxSalary,
            currency: minSalary == nil ? nil : country.currency, payInterval: payInterval, postedDate: posted,
            applyURL: "https://jobs.example.com/demo/" + String(number),
            expiresAt: posted.addingTimeInterval(Double(duration)), updatedAt: posted,
            status: closed ? .closed : .open)
    }
}

/// Builds the plain text and the HTML of a description side by side, so they always match.
struct DescriptionBuilder {
    var text = String(), html = String()

    init() {
        text.reserveCapacity(1600)
        html.reserveCapacity(2000)
    }

    mutating func open() {
        if !text.isEmpty { text += "\n\n" }
        html += "<p>"
    }

    mutating func close() { html += "</p>" }

    /// Text without markup-sensitive characters, the same in both forms.
    mutating func add(_ plain: String) {
        text += plain
        html += plain
    }

    mutating func add(_ plain: String, _ escaped: String) {
        text += plain
        html += escaped
    }

    mutating func paragraph(_ plain: String) {
        open(); add(plain); close()
    }

    mutating func listHeader(_ header: String) {
        paragraph(header)
        html += "<ul>"
    }

    mutating func item(_ plain: String) { item(plain, "", "") }

    mutating func item(_ lead: String, _ plain: String, _ escaped: String) {
        text += "\n- " + lead + plain
        html += "<li>" + lead + escaped + "</li>"
    }

    mutating func listEnd() { html += "</ul>" }

    /// Copies into exactly-sized storage: a million retained postings would otherwise keep ~40%
    /// unused capacity from `reserveCapacity` and growth.
    func finishedText() -> String { Self.compacted(text) }

    func finishedHTML() -> String { Self.compacted(html) }

    static func compacted(_ s: String) -> String {
        var copy = String()
        copy.reserveCapacity(s.utf8.count)
        copy += s // already valid UTF-8: a plain copy, no re-validation
        return copy
    }
}
