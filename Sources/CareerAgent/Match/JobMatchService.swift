import Accounts
import Domain
import Foundation
import JobPostings

/// Job match for the signed-in seeker: their profile and primary resume made into a `MatchProfile`,
/// explained for one posting or used to order a search.
public struct JobMatchService: Sendable {
    private let profiles: ProfileService
    private let resumes: ResumeService
    private let jobs: JobSearchService
    private let skills: SkillExtractor
    private let verified: (any VerifiedSkillSource)?

    public init(profiles: ProfileService, resumes: ResumeService, jobs: JobSearchService, skills: SkillExtractor,
                verified: (any VerifiedSkillSource)? = nil) {
        self.profiles = profiles
        self.resumes = resumes
        self.jobs = jobs
        self.skills = skills
        self.verified = verified
    }

    /// The seeker as matching reads them: skills from the profile and the primary resume (canonical
    /// names), titles from the headline and the latest role, experience from the resume, places and
    /// pay from the profile; skills an assessment verified count in full.
    public func profile(actor: Actor) async throws -> MatchProfile {
        let (_, profile, _) = try await profiles.profile(actor: actor)
        let resume = try await resumes.primary(actor: actor)
        var names: [String] = []
        var seen = Set<String>()
        for written in profile.skills {
            let name = skills.taxonomy.resolve(written)?.name ?? written
            if seen.insert(name.lowercased()).inserted { names.append(name) }
        }
        for skill in resume?.parsed.skills ?? [] {
            let name = skills.taxonomy.name(of: skill)
            if seen.insert(name.lowercased()).inserted { names.append(name) }
        }
        var titles: [String] = []
        if let headline = profile.headline?.trimmingCharacters(in: .whitespaces), !headline.isEmpty { titles.append(headline) }
        if let latest = resume?.parsed.experience.first?.title, !titles.contains(latest) { titles.append(latest) }
        let years = resume.map(\.parsed.totalYearsOfExperience) ?? profile.careerStage.flatMap(Self.years(of:))
        let proven = try await verified?.verifiedSkillNames(userID: actor.userID) ?? []
        for name in proven where seen.insert(name.lowercased()).inserted { names.append(name) }
        return MatchProfile(
            skills: names, verifiedSkills: proven, titles: titles, yearsOfExperience: years,
            locations: profile.location.map { [$0] } ?? [], wantsRemote: profile.remotePreference == .remote,
            minimumSalary: profile.desiredSalary, currency: profile.salaryCurrency
        )
    }

    public func match(actor: Actor, jobID: String) async throws -> (posting: JobPosting, match: JobMatch, profile: MatchProfile) {
        let profile = try await profile(actor: actor)
        let (posting, match) = try await jobs.match(jobID: jobID, profile: profile)
        return (posting, match, profile)
    }

    /// A search ordered by how well each posting fits the seeker, each hit with its score.
    public func search(actor: Actor, query: JobSearchQuery) async throws -> JobSearchResults {
        var query = query
        query.sort = .match
        query.match = try await profile(actor: actor)
        return try await jobs.search(query)
    }

    /// Experience a career stage stands for when there is no resume to count it from.
    /// Nil for a career change: past years say little about the new field.
    static func years(of stage: CareerStage) -> Double? {
        switch stage {
        case .careerChange: nil
        case .student: 0
        case .entry: 1
        case .mid: 4
        case .senior: 7
        case .lead: 11
        case .executive: 15
        }
    }
}
