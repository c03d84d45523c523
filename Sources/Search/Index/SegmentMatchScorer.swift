import JobPostings

/// Scores the documents of one segment against one `MatchContext` with `JobMatchFormula`: the
/// per-skill weights, title-word counts and seniority levels are worked out once for the segment,
/// so scoring a document is a walk over its few skills and a handful of array reads.
struct SegmentMatchScorer {
    let segment: Segment
    let context: MatchContext
    private var weights: [Double]
    /// Per skill ordinal: the share of its weight the seeker earns (0 when they lack it).
    private var credit: [Double]
    private var titleHits: [UInt8]
    private var levels: [UInt8]
    private var inPlaces: [Bool]
    // The columns scoring reads, held here so the per-document walk touches plain arrays only.
    private let skills: SkillGrid
    private let locationOrdinals: [UInt32]
    private let remote: Bitset
    /// Per document, the top of its yearly range (`Int64.min` when it states no salary).
    private let salaryTop: [Int64]
    private let currencyOrdinals: [UInt32]
    private let currencyComparable: [Bool]

    init(segment: Segment, context: MatchContext) {
        self.segment = segment
        self.context = context
        skills = segment.skills
        locationOrdinals = segment.location.ordinals
        remote = segment.remote
        salaryTop = segment.salaryHigh
        currencyOrdinals = segment.currency.ordinals
        currencyComparable = segment.currency.values.map { JobMatchFormula.comparable(postingCurrency: $0, profile: context.profile) }
        weights = segment.skillIDs.map { _ in JobMatchFormula.skillWeight(required: false) }
        credit = segment.skillIDs.map { context.credit(for: $0) }
        var hits = [UInt8](repeating: 0, count: segment.count)
        let titles = segment.postings(.title)
        for term in context.titleTerms {
            guard let number = titles.find(term) else { continue }
            titles.forEachDocument(of: number) { hits[Int($0)] &+= 1 }
        }
        titleHits = hits
        var levels = [UInt8](repeating: 255, count: segment.count)
        for (term, level) in context.seniorityTerms {
            guard let number = titles.find(term) else { continue }
            titles.forEachDocument(of: number) { found in
                let document = Int(found)
                if levels[document] == 255 || Int(levels[document]) < level { levels[document] = UInt8(level) }
            }
        }
        self.levels = levels
        inPlaces = AcceptedValues.byOrdinal(context.wantedPlaces, ids: segment.locationIDs)
    }

    func level(of document: Int) -> Int { levels[document] == 255 ? 2 : Int(levels[document]) }

    /// The skills part: weight the seeker has, out of the posting's total.
    @inline(__always)
    private func skillWeights(of document: Int) -> (matched: Double, total: Double) {
        var matched = 0.0, total = 0.0
        weights.withUnsafeBufferPointer { weights in
            credit.withUnsafeBufferPointer { credit in
                skills.forEachEntry(in: document) { entry in
                    let ordinal = Int(entry >> 1)
                    let weight = weights[ordinal] * (entry & 1 == 1 ? 2 : 1)
                    total += weight
                    matched += weight * credit[ordinal]
                }
            }
        }
        return (matched, total)
    }

    /// Every part of the score; the skills part only when `skills` is nil (a bound passes 100 instead).
    @inline(__always)
    private func parts(of document: Int, skills: Int? = nil) -> (skills: Int, title: Int, seniority: Int, location: Int, salary: Int) {
        let top = salaryTop[document]
        return (
            skills ?? skillsScore(of: document),
            JobMatchFormula.titleScore(wordsFound: Int(titleHits[document]), of: context.titleTerms.count),
            JobMatchFormula.seniorityScore(posting: level(of: document), seeker: context.seekerLevel),
            JobMatchFormula.locationScore(remote: remote.contains(document), inSeekersPlaces: inPlaces[Int(locationOrdinals[document])],
                                          profile: context.profile),
            JobMatchFormula.salaryScore(postingTop: top > 0 ? top : nil, comparable: currencyComparable[Int(currencyOrdinals[document])],
                                        profile: context.profile)
        )
    }

    private func skillsScore(of document: Int) -> Int {
        let (matched, total) = skillWeights(of: document)
        return JobMatchFormula.skillsScore(matched: matched, total: total)
    }

    private static func total(_ part: (skills: Int, title: Int, seniority: Int, location: Int, salary: Int)) -> Int {
        JobMatchFormula.total(skills: part.skills, title: part.title, seniority: part.seniority, location: part.location, salary: part.salary)
    }

    /// The most a document can score whatever its skills: the skills part at full marks, the rest as it is.
    /// A document whose bound cannot beat a full page's worst hit is never walked.
    func bound(_ document: Int) -> Int { Self.total(parts(of: document, skills: 100)) }

    func score(_ document: Int) -> Int { Self.total(parts(of: document)) }

    /// Whether the posting asks for at least one skill the seeker has.
    func sharesSkill(_ document: Int) -> Bool {
        skills.contains(in: document) { credit[Int($0 >> 1)] > 0 }
    }

    /// The score with its components and the skills behind it.
    func explain(_ document: Int) -> JobMatch {
        let part = parts(of: document)
        var matched: [MatchedSkill] = [], missing: [MatchedSkill] = []
        skills.forEachEntry(in: document) { entry in
            let ordinal = Int(entry >> 1)
            var skill = MatchedSkill(name: skills.values[ordinal], isRequired: entry & 1 == 1,
                                     weight: (weights[ordinal] * (entry & 1 == 1 ? 2 : 1) * 100).rounded() / 100)
            skill.isVerified = credit[ordinal] >= JobMatchFormula.verifiedCredit
            if credit[ordinal] > 0 { matched.append(skill) } else { missing.append(skill) }
        }
        let byWeight: (MatchedSkill, MatchedSkill) -> Bool = { $0.weight != $1.weight ? $0.weight > $1.weight : $0.name < $1.name }
        matched.sort(by: byWeight)
        missing.sort(by: byWeight)
        let levelNames = ["intern", "junior", "mid-level", "senior", "lead"]
        let top = salaryTop[document]
        let components = [
            MatchComponent(name: "skills", score: part.skills, weight: JobMatchFormula.skillsWeight, evidence:
                matched.isEmpty && missing.isEmpty ? ["the posting names no skills"]
                : ["has \(matched.count) of \(matched.count + missing.count) skills asked for"] + matched.prefix(5).map { "has \($0.name)\($0.isVerified ? " (verified)" : " (claimed: verified skills count in full)")" }
                    + missing.prefix(5).map { "lacks \($0.name)\($0.isRequired ? " (required)" : "")" }),
            MatchComponent(name: "title", score: part.title, weight: JobMatchFormula.titleWeight, evidence:
                context.titleTerms.isEmpty ? ["no desired title in the profile or resume"]
                : ["\(titleHits[document]) of \(context.titleTerms.count) words of \"\(context.profile.titles.joined(separator: "\", \""))\" in the title"]),
            MatchComponent(name: "seniority", score: part.seniority, weight: JobMatchFormula.seniorityWeight, evidence:
                ["posting reads as \(levelNames[level(of: document)])"]
                    + (context.seekerLevel.map { ["\(context.profile.yearsOfExperience!) years of experience reads as \(levelNames[$0])"] }
                       ?? ["years of experience unknown"])),
            MatchComponent(name: "location", score: part.location, weight: JobMatchFormula.locationWeight, evidence:
                [segment.remote.contains(document) ? "the posting is remote" : "the posting is in \(segment.location.value(of: document))"]
                    + (context.profile.locations.isEmpty ? [] : ["you look in \(context.profile.locations.joined(separator: ", "))"])
                    + (context.profile.wantsRemote ? ["you want remote work"] : [])),
            MatchComponent(name: "salary", score: part.salary, weight: JobMatchFormula.salaryWeight, evidence:
                [top > 0 ? "pays up to \(top) \(segment.currency.value(of: document)) a year" : "the posting states no pay"]
                    + (context.profile.minimumSalary.map { ["you want at least \($0) \(context.profile.currency ?? "")".trimmingCharacters(in: .whitespaces)] } ?? [])),
        ]
        return JobMatch(score: score(document), components: components, matchedSkills: matched, missingSkills: missing)
    }
}
