import AccessGovernance
import Accounts
import CareerAgent
import Foundation
import Hummingbird
import JobPostings
import Platform
import SkillsGraph

/// What the HTTP edge needs from the rest of the application.
public struct APIDependencies: Sendable {
    public var jobs: JobSearchService
    public var sources: JobSourceService
    public var tasks: any TaskQueue
    public var accounts: AccountsAPI
    public var careerAgent: CareerAgentAPI
    public var access: AccessGovernanceAPI
    public var publishing: PublishingAPI
    public var skillsGraph: SkillsGraphAPI
    public var rateLimits: RateLimits
    public var trustedProxies: TrustedProxies
    public var readiness: @Sendable () async -> Readiness

    public init(jobs: JobSearchService, sources: JobSourceService, tasks: any TaskQueue, accounts: AccountsAPI,
                careerAgent: CareerAgentAPI, access: AccessGovernanceAPI, publishing: PublishingAPI, skillsGraph: SkillsGraphAPI, rateLimits: RateLimits = RateLimits(), trustedProxies: TrustedProxies = .none,
                readiness: @escaping @Sendable () async -> Readiness) {
        self.jobs = jobs
        self.sources = sources
        self.tasks = tasks
        self.accounts = accounts
        self.careerAgent = careerAgent
        self.access = access
        self.publishing = publishing
        self.skillsGraph = skillsGraph
        self.rateLimits = rateLimits
        self.trustedProxies = trustedProxies
        self.readiness = readiness
    }
}

/// The account use cases the routes call.
public struct AccountsAPI: Sendable {
    public var identity: IdentityService
    public var apiKeys: APIKeyService
    public var profiles: ProfileService
    public var searches: SavedSearchService
    public var administration: UserAdministration
    public var unsubscribe: AlertUnsubscribe
    public var savedJobs: SavedJobService

    public init(identity: IdentityService, apiKeys: APIKeyService, profiles: ProfileService, searches: SavedSearchService,
                administration: UserAdministration, unsubscribe: AlertUnsubscribe, savedJobs: SavedJobService) {
        self.identity = identity
        self.apiKeys = apiKeys
        self.profiles = profiles
        self.searches = searches
        self.administration = administration
        self.unsubscribe = unsubscribe
        self.savedJobs = savedJobs
    }
}

/// The career agent's use cases the routes call.
public struct CareerAgentAPI: Sendable {
    public var skills: SkillExtractor
    public var resumes: ResumeService
    public var analysis: ResumeAnalysisService
    public var matches: JobMatchService
    public var market: MarketInsightsService
    public var roadmaps: RoadmapService
    public var applications: ApplicationService
    public var inbox: EmailTriageService
    public var calendar: InterviewCalendar
    public var mailboxes: MailboxService

    public init(skills: SkillExtractor, resumes: ResumeService, analysis: ResumeAnalysisService, matches: JobMatchService,
                market: MarketInsightsService, roadmaps: RoadmapService, applications: ApplicationService, inbox: EmailTriageService,
                calendar: InterviewCalendar, mailboxes: MailboxService) {
        self.inbox = inbox
        self.calendar = calendar
        self.mailboxes = mailboxes
        self.roadmaps = roadmaps
        self.applications = applications
        self.skills = skills
        self.resumes = resumes
        self.analysis = analysis
        self.matches = matches
        self.market = market
    }
}

/// Every route of the server, behind the problem, authentication and rate-limit middleware.
public func buildRouter(_ dependencies: APIDependencies) -> Router<APIRequestContext> {
    let router = Router(context: APIRequestContext.self)
    // One log line per request (with Hummingbird's request id), after errors became problems.
    router.add(middleware: RequestLogMiddleware(level: .info))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: AuthenticationMiddleware(
        identity: dependencies.accounts.identity, apiKeys: dependencies.accounts.apiKeys, proxies: dependencies.trustedProxies
    ))
    router.add(middleware: RateLimitMiddleware(limits: dependencies.rateLimits, buckets: TokenBuckets()))
    HealthController(readiness: dependencies.readiness).addRoutes(to: router)
    let api = router.group("api/v1")
    JobsController(service: dependencies.jobs, matches: dependencies.careerAgent.matches, employerJobs: dependencies.skillsGraph.jobs).addRoutes(to: api)
    SourcesController(service: dependencies.sources).addRoutes(to: api)
    TasksController(queue: dependencies.tasks).addRoutes(to: api)
    AuthController(identity: dependencies.accounts.identity).addRoutes(to: api)
    ProfileController(profiles: dependencies.accounts.profiles).addRoutes(to: api)
    APIKeysController(keys: dependencies.accounts.apiKeys).addRoutes(to: api)
    SavedSearchesController(searches: dependencies.accounts.searches, unsubscribe: dependencies.accounts.unsubscribe).addRoutes(to: api)
    AdminUsersController(administration: dependencies.accounts.administration).addRoutes(to: api)
    SavedJobsController(savedJobs: dependencies.accounts.savedJobs).addRoutes(to: api)
    SkillsController(extractor: dependencies.careerAgent.skills).addRoutes(to: api)
    ResumesController(resumes: dependencies.careerAgent.resumes).addRoutes(to: api)
    ResumeAnalysisController(analysis: dependencies.careerAgent.analysis).addRoutes(to: api)
    MarketController(market: dependencies.careerAgent.market).addRoutes(to: api)
    RoadmapsController(roadmaps: dependencies.careerAgent.roadmaps).addRoutes(to: api)
    ApplicationsController(applications: dependencies.careerAgent.applications).addRoutes(to: api)
    EmailsController(inbox: dependencies.careerAgent.inbox).addRoutes(to: api)
    MailboxesController(mailboxes: dependencies.careerAgent.mailboxes).addRoutes(to: api)
    let assessments = AssessmentsController(api: dependencies.skillsGraph)
    InterviewsController(calendar: dependencies.careerAgent.calendar, sessions: assessments.show).addRoutes(to: api, feeds: router)
    assessments.addRoutes(to: api)
    CompaniesController(companies: dependencies.skillsGraph.companies, jobs: dependencies.skillsGraph.jobs).addRoutes(to: api)
    EmployerJobsController(jobs: dependencies.skillsGraph.jobs, pipeline: dependencies.skillsGraph.pipeline).addRoutes(to: api)
    MatchesController(api: dependencies.skillsGraph).addRoutes(to: api)
    AccessRequestsController(access: dependencies.access).addRoutes(to: api)
    AccessDirectoryController(access: dependencies.access).addRoutes(to: api)
    AccessAuditController(access: dependencies.access).addRoutes(to: api)
    ChannelsController(channels: dependencies.publishing.channels).addRoutes(to: api)
    MessagesController(messages: dependencies.publishing.messages, channels: dependencies.publishing.channels,
                       rewriter: dependencies.publishing.rewriter).addRoutes(to: api)
    MediaController(media: dependencies.publishing.media, maximumBytes: dependencies.publishing.maximumMediaBytes).addRoutes(to: api, public: router)
    CertificationsController(certifications: dependencies.publishing.certifications, messages: dependencies.publishing.messages,
                             channels: dependencies.publishing.channels).addRoutes(to: api)
    OpenAPIController().addRoutes(to: api)
    return router
}
