import Foundation

/// The one formula of job match, used for a single posting's explanation and for ordering a whole
/// search by match, so both always give the same number. Weights: skills 50, title 20, seniority 10,
/// location 10, salary 10.
public enum JobMatchFormula {
    public static let skillsWeight = 50, titleWeight = 20, seniorityWeight = 10, locationWeight = 10, salaryWeight = 10

    /// A skill's weight: required ones twice nice-to-have ones. It depends on the posting and the
    /// seeker alone (not on how many other postings ask for the skill), so a pair's score stays put
    /// while the corpus changes, and matching computed incrementally equals matching from scratch.
    @inline(__always)
    public static func skillWeight(required: Bool) -> Double { required ? 2 : 1 }

    /// The share of a skill's weight a seeker earns: in full for a level an assessment verified,
    /// three quarters for a skill they only state.
    public static let verifiedCredit = 1.0, claimedCredit = 0.75

    /// Share of the posting's skill weight the seeker has; a posting that names no skills is neutral.
    @inline(__always)
    public static func skillsScore(matched: Double, total: Double) -> Int {
        total <= 0 ? 50 : Int((100 * matched / total).rounded())
    }

    /// Share of the seeker's title words found in the posting's title.
    @inline(__always)
    public static func titleScore(wordsFound: Int, of words: Int) -> Int {
        words == 0 ? 50 : 100 * wordsFound / words
    }

    /// Levels: 0 intern, 1 junior, 2 mid (no word), 3 senior, 4 lead or principal.
    public static let seniorityWords: [(word: String, level: Int)] = [
        ("intern", 0), ("internship", 0), ("trainee", 0), ("apprentice", 0), ("junior", 1), ("jr", 1), ("entry", 1), ("graduate", 1),
        ("senior", 3), ("sr", 3), ("staff", 3), ("lead", 4), ("principal", 4), ("head", 4), ("director", 4), ("chief", 4),
    ]

    public static func seniority(yearsOfExperience years: Double) -> Int {
        years < 1 ? 0 : years < 3 ? 1 : years < 6 ? 2 : years < 10 ? 3 : 4
    }

    /// Equal levels fit; one apart fits half; further apart, not at all. Unknown experience is neutral.
    @inline(__always)
    public static func seniorityScore(posting: Int, seeker: Int?) -> Int {
        guard let seeker else { return 50 }
        let distance = abs(posting - seeker)
        return distance == 0 ? 100 : distance == 1 ? 50 : 0
    }

    /// Remote postings fit everyone; a posting in one of the seeker's places fits; without places, neutral-good.
    @inline(__always)
    public static func locationScore(remote: Bool, inSeekersPlaces: Bool, profile: MatchProfile) -> Int {
        if remote { return 100 }
        if inSeekersPlaces { return 100 }
        if profile.wantsRemote { return 0 }
        return profile.locations.isEmpty ? 70 : 0
    }

    /// Pay at or above the seeker's minimum fits; 50% below or worse does not; unknown is neutral.
    @inline(__always)
    public static func salaryScore(postingTop: Int64?, comparable: Bool, profile: MatchProfile) -> Int {
        guard let wanted = profile.minimumSalary, wanted > 0, let top = postingTop, top > 0, comparable else { return 50 }
        if top >= Int64(wanted) { return 100 }
        let shortfall = Double(Int64(wanted) - top) / Double(wanted)
        return max(0, Int((100 - shortfall * 200).rounded()))
    }

    /// Pay in another currency than the seeker's cannot be compared (no exchange rates are assumed).
    public static func comparable(postingCurrency: String, profile: MatchProfile) -> Bool {
        guard let currency = profile.currency, !postingCurrency.isEmpty else { return true }
        return currency.uppercased() == postingCurrency.uppercased()
    }

    @inline(__always)
    public static func total(skills: Int, title: Int, seniority: Int, location: Int, salary: Int) -> Int {
        (skills * skillsWeight + title * titleWeight + seniority * seniorityWeight + location * locationWeight
            + salary * salaryWeight + 50) / 100
    }
}
