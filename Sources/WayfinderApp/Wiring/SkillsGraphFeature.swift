import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import JobPostings
import Platform
import Search
import SkillsGraph
import Storage

/// The skills graph: companies and their jobs, assessments with review, verified skills, two-sided
/// matching (daily, and at once when postings are published), notifications and leaderboards.
public struct SkillsGraphFeature: Sendable {
    public let api: SkillsGraphAPI
    public let matchRepository: SQLMatchRepository
    static let matchTask = "match_candidates"
    static let digestTask = "send_notification_digests"

    /// A skill's display name for its taxonomy id.
    static let skillName: @Sendable (String) -> String? = { CareerAgentFeature.sharedExtractor.taxonomy.concept(id: $0)?.name }

    /// Verified skills, built first: the career agent's job match reads them too.
    static func verifiedSkills(store: any SQLStore, clock: any WallClock) -> VerifiedSkillDirectory {
        VerifiedSkillDirectory(repository: SQLAssessmentRepository(store: store, clock: { clock.now() }), clock: clock, skillName: skillName)
    }

    init(store: any SQLStore, jobs: JobSearchService, careerAgent: CareerAgentFeature, verified: VerifiedSkillDirectory,
         work: inout BackgroundWorkFeature, mail: MailFeature, settings: Settings, clock: any WallClock) async throws {
        let extractor = CareerAgentFeature.sharedExtractor
        let people = SkillsGraphPeople(users: SQLUserRepository(store: store), matches: careerAgent.matches, verified: verified, queue: mail.queue,
                                       from: mail.from, publicURL: mail.publicURL)
        let notifications = NotificationService(repository: SQLNotificationRepository(store: store), mailer: people, clock: clock,
                                                publicURL: mail.publicURL)
        let assessments = SQLAssessmentRepository(store: store, clock: { clock.now() })
        var policy = InterviewPolicy()
        policy.cooldown = settings.skillsGraph.cooldownHours * 3600
        policy.exposureShare = settings.skillsGraph.exposureShare
        // With a language model configured, answers sent to review get its reading beside the rubric's (a task, off the request).
        let model = CareerAgentFeature.languageModel(settings)
        let queue = work.queue
        var requestSecondOpinion: (@Sendable (String) async throws -> Void)?
        if model != nil {
            requestSecondOpinion = { sessionID in
                _ = try await queue.enqueue(NewTask(name: SecondOpinion.taskName, payload: try JSONEncoder().encode(["session_id": sessionID]),
                                                    idempotencyKey: "second-opinion:\(sessionID)"))
            }
        }
        let results = AssessmentResults(repository: assessments, notifications: notifications, policy: policy, skillName: Self.skillName,
                                        requestSecondOpinion: requestSecondOpinion)
        if let model {
            let opinions = SecondOpinion(model: model, repository: assessments)
            work.register(SecondOpinion.taskName) { task in
                try await opinions.run(sessionID: try task.decode([String: String].self)["session_id"] ?? "")
            }
        }
        let interviews = InterviewService(repository: assessments, policy: policy, clock: clock, skillName: Self.skillName, results: results)
        let companies = CompanyService(repository: SQLCompanyRepository(store: store), people: people, invitations: people, clock: clock)
        let employerJobRepository = SQLEmployerJobRepository(store: store)
        let employerJobs = EmployerJobService(
            repository: employerJobRepository, companies: companies, postings: jobs, clock: clock,
            extractSkills: { text in
                extractor.extract(from: text, kind: .posting).map {
                    JobSkill(skillID: $0.concept.id, name: $0.concept.name, required: $0.requirement != .niceToHave, minimumLevel: 1)
                }
            },
            resolveSkill: { text in extractor.taxonomy.resolve(text).map { ($0.id, $0.name) } })
        matchRepository = SQLMatchRepository(store: store)
        var matchSettings = MatchingService.Settings()
        matchSettings.minimumScore = settings.skillsGraph.minimumMatchScore
        matchSettings.topCount = settings.skillsGraph.matchesPerCandidate
        matchSettings.reserveCount = max(2, settings.skillsGraph.matchesPerCandidate / 2)
        let matching = MatchingService(repository: matchRepository, candidates: people, postings: jobs,
                                       batch: BatchPostingMatcher(skillTagger: extractor), notifications: notifications, clock: clock,
                                       settings: matchSettings, companyJobIDs: { try await employerJobRepository.publishedJobs().map(\.id) })
        let pipeline = CandidatePipeline(matches: matchRepository, candidates: people, jobs: employerJobs, postings: jobs,
                                         contacts: SQLContactRequestRepository(store: store), profiles: people, companies: companies,
                                         notifications: notifications, clock: clock)
        api = SkillsGraphAPI(
            companies: companies, jobs: employerJobs, bank: AssessmentBankService(repository: assessments, skillName: Self.skillName),
            interviews: interviews, reviews: ReviewService(repository: assessments, interviews: interviews, clock: clock), verified: verified,
            matching: matching, pipeline: pipeline, notifications: notifications,
            leaderboards: LeaderboardService(repository: SQLLeaderboardRepository(store: store), clock: clock, skillName: Self.skillName))

        // Matching runs when postings are published and once a day; a run already going has one more run follow it.
        work.register(Self.matchTask) { _ in try await matching.runOrFollow(queue: queue, taskName: Self.matchTask) }
        work.subscribe(Self.matchTask, to: JobPosted.topic) { _ in try await matching.runOrFollow(queue: queue, taskName: Self.matchTask) }
        try await work.scheduler.register(name: Self.matchTask, cron: settings.skillsGraph.matchSchedule, taskName: Self.matchTask,
                                          payload: Data("{}".utf8))
        work.register(Self.digestTask) { _ in _ = try await notifications.sendDigests() }
        try await work.scheduler.register(name: Self.digestTask, cron: settings.skillsGraph.digestSchedule, taskName: Self.digestTask,
                                          payload: Data("{}".utf8))
    }

    /// Imports the starter bank when no question exists yet (first start, demo).
    func importStarterBankIfEmpty() async throws -> QuestionImportSummary? {
        guard try await api.bank.isEmpty() else { return nil }
        return try await api.bank.importBank(try StarterBank.data())
    }
}
