import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import JobPostings
import Logging
import Platform
import Search
import Storage

/// The career agent: skills read with the search engine's words, resumes (originals in the blob
/// store), analysis, job match and market insights.
public struct CareerAgentFeature: Sendable {
    /// Loading the taxonomy takes a moment, so every server in the process shares one extractor.
    public static let sharedExtractor = SkillExtractor(building: { .shipped }, scanner: SearchWordScanner())

    public let skills: SkillExtractor
    public let resumes: ResumeService
    public let analysis: ResumeAnalysisService
    public let matches: JobMatchService
    public let market: MarketInsightsService
    public let roadmaps: RoadmapService
    public let applications: ApplicationService
    public let inbox: EmailTriageService
    public let calendar: InterviewCalendar
    public let mailboxes: MailboxService
    /// Where originals are kept: the data directory (encrypted) or S3.
    public let blobs: any BlobStore
    /// The optional LLM that rewords suggestions (`WAYFINDER_LLM_URL`).
    let languageModel: OpenAICompatibleLanguageModel?

    init(store: any SQLStore, jobs: JobSearchService, profiles: ProfileService, verified: (any VerifiedSkillSource)? = nil,
         work: inout BackgroundWorkFeature, mail: MailFeature,
         settings: Settings, clock: any WallClock, logger: Logger, skills: SkillExtractor = CareerAgentFeature.sharedExtractor) async throws {
        self.skills = skills
        blobs = try Self.blobStore(settings)
        resumes = ResumeService(repository: SQLResumeRepository(store: store), blobs: blobs, documents: DocumentTextExtractors(),
                                parser: ResumeParser(extractor: skills), clock: clock)
        languageModel = Self.languageModel(settings)
        analysis = ResumeAnalysisService(resumes: resumes, jobs: jobs, skills: skills, wording: SuggestionWording(model: languageModel))
        matches = JobMatchService(profiles: profiles, resumes: resumes, jobs: jobs, skills: skills, verified: verified)
        market = MarketInsightsService(jobs: jobs)
        let applicationRepository = SQLApplicationRepository(store: store)
        applications = ApplicationService(repository: applicationRepository, jobs: jobs, clock: clock)
        let interviews = SQLInterviewRepository(store: store)
        inbox = EmailTriageService(emails: SQLEmailRepository(store: store), applications: applications, interviews: interviews, clock: clock)
        calendar = InterviewCalendar(repository: interviews, clock: clock, publicURL: mail.publicURL)
        let career = settings.careerAgent
        let trustedRoots = try career.imapCAFile.map { try String(contentsOfFile: $0, encoding: .utf8) }
        mailboxes = MailboxService(
            repository: SQLMailboxRepository(store: store), inbox: inbox, secretBox: SecretBox(key: try AccountsFeature.sealingKey(settings)),
            connector: IMAPMailboxConnector(logger: Logger(label: "wayfinder.mailboxes"), trustedRootCertificatesPEM: trustedRoots,
                                            allowsPlain: career.imapAllowPlain),
            clock: clock
        )
        try await Self.schedule(work: &work, mailboxes: mailboxes, reminders: ApplicationReminders(
            repository: applicationRepository, clock: clock,
            deliver: ReminderMail(users: SQLUserRepository(store: store), queue: mail.queue, from: mail.from, publicURL: mail.publicURL).send
        ), settings: settings)
        roadmaps = RoadmapService(repository: SQLRoadmapRepository(store: store), jobs: jobs, matches: matches, skills: skills, clock: clock)
    }

    static func languageModel(_ settings: Settings) -> OpenAICompatibleLanguageModel? {
        guard let url = settings.careerAgent.llmURL.flatMap(URL.init(string:)) else { return nil }
        return OpenAICompatibleLanguageModel(configuration: LanguageModelConfiguration(
            url: url, apiKey: settings.careerAgent.llmAPIKey, model: settings.careerAgent.llmModel))
    }

    var api: CareerAgentAPI {
        CareerAgentAPI(skills: skills, resumes: resumes, analysis: analysis, matches: matches, market: market, roadmaps: roadmaps,
                       applications: applications, inbox: inbox, calendar: calendar, mailboxes: mailboxes)
    }

    /// Mailboxes are read on their schedule; reminders go out within five minutes of their date.
    private static func schedule(work: inout BackgroundWorkFeature, mailboxes: MailboxService, reminders: ApplicationReminders,
                                 settings: Settings) async throws {
        let syncName = "sync_mailboxes"
        work.register(syncName) { _ in _ = try await mailboxes.syncAll() }
        try await work.scheduler.register(name: syncName, cron: settings.careerAgent.mailboxSchedule, taskName: syncName, payload: Data("{}".utf8))
        work.register(ApplicationReminders.taskName) { _ in _ = try await reminders.run() }
        try await work.scheduler.register(name: ApplicationReminders.taskName, cron: "*/5 * * * *", taskName: ApplicationReminders.taskName,
                                          payload: Data("{}".utf8))
    }

    /// S3 when `WAYFINDER_S3_URL` is set; otherwise files under `<data dir>/blobs`, sealed with the secret key.
    static func blobStore(_ settings: Settings) throws -> any BlobStore {
        let career = settings.careerAgent
        if let url = career.s3URL.flatMap(URL.init(string:)), let keyID = career.s3AccessKeyID, let secret = career.s3SecretAccessKey {
            return S3BlobStore(configuration: S3Configuration(endpoint: url, bucket: career.s3Bucket, accessKeyID: keyID,
                                                              secretAccessKey: secret, region: career.s3Region))
        }
        return FileBlobStore(directory: URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("blobs"),
                             key: try AccountsFeature.sealingKey(settings))
    }
}
