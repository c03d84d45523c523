import SkillsGraph

/// What the skills graph's routes need.
public struct SkillsGraphAPI: Sendable {
    public let companies: CompanyService
    public let jobs: EmployerJobService
    public let bank: AssessmentBankService
    public let interviews: InterviewService
    public let reviews: ReviewService
    public let verified: VerifiedSkillDirectory
    public let matching: MatchingService
    public let pipeline: CandidatePipeline
    public let notifications: NotificationService
    public let leaderboards: LeaderboardService

    public init(companies: CompanyService, jobs: EmployerJobService, bank: AssessmentBankService, interviews: InterviewService,
                reviews: ReviewService, verified: VerifiedSkillDirectory, matching: MatchingService, pipeline: CandidatePipeline,
                notifications: NotificationService, leaderboards: LeaderboardService) {
        self.companies = companies
        self.jobs = jobs
        self.bank = bank
        self.interviews = interviews
        self.reviews = reviews
        self.verified = verified
        self.matching = matching
        self.pipeline = pipeline
        self.notifications = notifications
        self.leaderboards = leaderboards
    }
}
