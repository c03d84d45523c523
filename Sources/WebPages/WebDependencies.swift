import AccessGovernance
import Accounts
import CareerAgent
import HTTPAPI
import Hummingbird
import JobPostings
import Platform
import SkillsGraph

/// What the web app needs: the same use cases the API calls.
public struct WebDependencies: Sendable {
    public var jobs: JobSearchService
    public var accounts: AccountsAPI
    public var careerAgent: CareerAgentAPI
    public var access: AccessGovernanceAPI
    public var publishing: PublishingAPI
    public var skillsGraph: SkillsGraphAPI
    public var sources: JobSourceService
    public var tasks: any TaskQueue
    /// Cookies get `Secure` when the public URL is HTTPS.
    public var secureCookies: Bool
    public var pages: PageRenderer
    public var assets: AssetCatalog

    public init(jobs: JobSearchService, accounts: AccountsAPI, careerAgent: CareerAgentAPI, access: AccessGovernanceAPI, publishing: PublishingAPI,
                skillsGraph: SkillsGraphAPI, sources: JobSourceService,
                tasks: any TaskQueue, secureCookies: Bool, pages: PageRenderer, assets: AssetCatalog) {
        self.jobs = jobs
        self.accounts = accounts
        self.careerAgent = careerAgent
        self.access = access
        self.publishing = publishing
        self.skillsGraph = skillsGraph
        self.sources = sources
        self.tasks = tasks
        self.secureCookies = secureCookies
        self.pages = pages
        self.assets = assets
    }

    /// Loads the bundled templates and assets.
    public static func bundled(jobs: JobSearchService, accounts: AccountsAPI, careerAgent: CareerAgentAPI, access: AccessGovernanceAPI,
                               publishing: PublishingAPI, skillsGraph: SkillsGraphAPI, sources: JobSourceService, tasks: any TaskQueue,
                               secureCookies: Bool) async throws -> WebDependencies {
        let assets = try AssetCatalog.bundled()
        return WebDependencies(jobs: jobs, accounts: accounts, careerAgent: careerAgent, access: access, publishing: publishing, skillsGraph: skillsGraph,
                               sources: sources, tasks: tasks,
                               secureCookies: secureCookies,
                               pages: try await PageRenderer.bundled(assets: assets), assets: assets)
    }
}

/// Adds the web app's pages and assets to the API's router.
public func addWebRoutes(to router: Router<APIRequestContext>, _ dependencies: WebDependencies) {
    let assets = dependencies.assets
    router.get("assets/{file}") { _, context in
        guard let response = assets.response(for: try context.parameters.require("file")) else {
            return Response(status: .notFound, headers: [.cacheControl: "no-store"])
        }
        return response
    }
    let pages = router.group().add(middleware: BrowserSession(identity: dependencies.accounts.identity, secureCookies: dependencies.secureCookies))
    let web = WebContext(dependencies: dependencies)
    SearchPages(web: web).addRoutes(to: pages)
    AuthPages(web: web).addRoutes(to: pages)
    AccountPages(web: web).addRoutes(to: pages)
    AdminPages(web: web).addRoutes(to: pages)
    ResumePages(web: web).addRoutes(to: pages)
    MarketPages(web: web).addRoutes(to: pages)
    RoadmapPages(web: web).addRoutes(to: pages)
    ApplicationPages(web: web).addRoutes(to: pages)
    InboxPages(web: web).addRoutes(to: pages)
    InterviewPages(web: web).addRoutes(to: pages)
    AccessPages(web: web).addRoutes(to: pages)
    AccessAdminPages(web: web).addRoutes(to: pages)
    ChannelPages(web: web).addRoutes(to: pages)
    ComposePages(web: web).addRoutes(to: pages)
    MessagePages(web: web).addRoutes(to: pages)
    PublishPages(web: web).addRoutes(to: pages)
    CertificationPages(web: web).addRoutes(to: pages)
    AssessmentPages(web: web).addRoutes(to: pages)
    ReviewPages(web: web).addRoutes(to: pages)
    SkillsMatchPages(web: web).addRoutes(to: pages)
    EmployerPages(web: web).addRoutes(to: pages)
    EmployerJobPages(web: web).addRoutes(to: pages)
}
