import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import JobPostings
import Platform
import Search
import Storage

/// The career agent: skills read with the search engine's words, resumes (originals in the blob
/// store), analysis, job match and market insights.
public struct CareerAgentFeature: Sendable {
    /// Loading the taxonomy takes a moment, so every server in the process shares one extractor.
    public static let sharedExtractor = SkillExtractor(taxonomy: .shipped, scanner: SearchWordScanner())

    public let skills: SkillExtractor
    public let resumes: ResumeService
    public let analysis: ResumeAnalysisService
    public let matches: JobMatchService
    public let market: MarketInsightsService
    public let roadmaps: RoadmapService
    public let applications: ApplicationService
    /// Where originals are kept: the data directory (encrypted) or S3.
    public let blobs: any BlobStore
    /// The optional LLM that rewords suggestions (`WAYFINDER_LLM_URL`).
    let languageModel: OpenAICompatibleLanguageModel?

    init(store: any SQLStore, jobs: JobSearchService, profiles: ProfileService, settings: Settings, clock: any WallClock,
         skills: SkillExtractor = CareerAgentFeature.sharedExtractor) throws {
        self.skills = skills
        blobs = try Self.blobStore(settings)
        resumes = ResumeService(repository: SQLResumeRepository(store: store), blobs: blobs, documents: DocumentTextExtractors(),
                                parser: ResumeParser(extractor: skills), clock: clock)
        languageModel = Self.languageModel(settings)
        analysis = ResumeAnalysisService(resumes: resumes, jobs: jobs, skills: skills, wording: SuggestionWording(model: languageModel))
        matches = JobMatchService(profiles: profiles, resumes: resumes, jobs: jobs, skills: skills)
        market = MarketInsightsService(jobs: jobs)
        applications = ApplicationService(repository: SQLApplicationRepository(store: store), jobs: jobs, clock: clock)
        roadmaps = RoadmapService(repository: SQLRoadmapRepository(store: store), jobs: jobs, matches: matches, skills: skills, clock: clock)
    }

    static func languageModel(_ settings: Settings) -> OpenAICompatibleLanguageModel? {
        guard let url = settings.careerAgent.llmURL.flatMap(URL.init(string:)) else { return nil }
        return OpenAICompatibleLanguageModel(configuration: LanguageModelConfiguration(
            url: url, apiKey: settings.careerAgent.llmAPIKey, model: settings.careerAgent.llmModel))
    }

    var api: CareerAgentAPI {
        CareerAgentAPI(skills: skills, resumes: resumes, analysis: analysis, matches: matches, market: market, roadmaps: roadmaps,
                       applications: applications)
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
