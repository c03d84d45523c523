import AccessGovernance
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import JobPostings
import Logging
import Platform
import Search
import Storage
import WebPages

/// The composition root: opens the database, builds the index and wires the use cases.
public struct AppServices: Sendable {
    public let settings: Settings
    public let store: any SQLStore
    public let repository: SQLJobPostingRepository
    public let index: InvertedJobSearchIndex
    public let follower: JobIndexFollower
    public let jobs: JobSearchService
    public let clock: any WallClock
    public let logger: Logger
    public let backgroundWork: BackgroundWorkFeature
    public let jobSources: JobSourcesFeature
    public let mail: MailFeature
    public let accounts: AccountsFeature
    public let careerAgent: CareerAgentFeature
    public let accessGovernance: AccessGovernanceFeature
    public let publishing: PublishingFeature
    public let skillsGraph: SkillsGraphFeature
    /// Held while this process saves the index of the data directory.
    private let indexLock: DirectoryLock?

    /// Where the search index lives: loaded from and saved to the data directory, or in memory only
    /// (commands that do not search, and in-memory databases).
    public enum IndexStorage: Sendable { case dataDirectory, memory }

    /// Opens storage and applies pending migrations; the index holds what was saved (see `catchUpIndex`).
    public static func open(
        settings: Settings, logger: Logger, clock: any WallClock = SystemWallClock(), index indexStorage: IndexStorage = .dataDirectory
    ) async throws -> AppServices {
        let store: any SQLStore
        let database = try settings.database
        switch database {
        case .sqlite(let path):
            store = try await SQLiteStore.open(path: path, logger: logger)
        case .postgres(let url):
            store = try await PostgreSQLStore.open(url: url, poolSize: settings.databasePoolSize, logger: logger)
        }
        do {
            let applied = try await Migrator(store: store).migrate()
            if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": "\(applied)"]) }
        } catch {
            try? await store.close()
            throw error
        }
        let repository = SQLJobPostingRepository(store: store, skillTagger: SharedSkillTagger())
        var index = InvertedJobSearchIndex(skillTagger: SharedSkillTagger())
        var indexLock: DirectoryLock?
        if indexStorage == .dataDirectory, database != .sqlite(path: ":memory:") {
            // Two processes sharing a data directory must not write one index: the second keeps its own in memory.
            indexLock = DirectoryLock.acquire(URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("index.lock"))
            if indexLock != nil {
                index = try await openIndex(store: store, settings: settings, logger: logger)
            } else {
                logger.notice("another process saves the index of this data directory; this one keeps its index in memory")
            }
        }
        // The skill extractor builds on its own thread from here, once the saved index has had both cores to open.
        // Whatever reads skills waits for it when it first does; a search without a skill filter never does, so the
        // server answers searches while it builds.
        SharedSkillTagger.startLoading()
        let skills = CareerAgentFeature.sharedExtractor
        let follower = JobIndexFollower(repository: repository, index: index)
        var backgroundWork = BackgroundWorkFeature(store: store, settings: settings, clock: clock, logger: logger)
        let jobSources = JobSourcesFeature(store: store, postings: repository, work: &backgroundWork, settings: settings, clock: clock)
        let mail: MailFeature, accounts: AccountsFeature, careerAgent: CareerAgentFeature, accessGovernance: AccessGovernanceFeature
        let publishing: PublishingFeature, skillsGraph: SkillsGraphFeature
        let jobs = JobSearchService(repository: repository, index: index, follower: follower, clock: clock, links: jobSources.links,
                                    skillName: { skills.taxonomy.resolve($0)?.name ?? $0 })
        do {
            mail = try MailFeature(work: &backgroundWork, settings: settings, clock: clock)
            accounts = try await AccountsFeature(
                store: store, postings: repository, work: &backgroundWork, mail: mail, http: jobSources.fetcher, settings: settings,
                clock: clock, logger: logger
            )
            let verified = SkillsGraphFeature.verifiedSkills(store: store, clock: clock)
            careerAgent = try await CareerAgentFeature(store: store, jobs: jobs, profiles: accounts.api.profiles, verified: verified,
                                                       work: &backgroundWork, mail: mail, settings: settings, clock: clock, logger: logger)
            accessGovernance = try await AccessGovernanceFeature(store: store, work: &backgroundWork, settings: settings, clock: clock)
            publishing = try await PublishingFeature(store: store, work: &backgroundWork, mail: mail, blobs: careerAgent.blobs, settings: settings,
                                                     clock: clock)
            skillsGraph = try await SkillsGraphFeature(store: store, jobs: jobs, careerAgent: careerAgent, verified: verified,
                                                       work: &backgroundWork, mail: mail, settings: settings, clock: clock)
        } catch {
            await jobSources.close()
            indexLock?.release()
            try? await store.close()
            throw error
        }
        return AppServices(
            settings: settings, store: store, repository: repository, index: index, follower: follower,
            jobs: jobs,
            clock: clock, logger: logger, backgroundWork: backgroundWork, jobSources: jobSources, mail: mail, accounts: accounts,
            careerAgent: careerAgent, accessGovernance: accessGovernance, publishing: publishing, skillsGraph: skillsGraph, indexLock: indexLock
        )
    }

    /// The persisted index of the data directory, or an in-memory one for an in-memory database.
    private static func openIndex(
        store: any SQLStore, settings: Settings, logger: Logger
    ) async throws -> InvertedJobSearchIndex {
        let directory = URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("index")
        let started = ContinuousClock.now
        let (index, outcome) = InvertedJobSearchIndex.open(directory: directory, source: try await indexSource(store),
                                                           skillTagger: SharedSkillTagger())
        switch outcome {
        case .empty:
            break
        case .loaded(let postings, let sequence):
            logger.info("search index loaded", metadata: [
                "postings": "\(postings)", "sequence": "\(sequence)",
                "seconds": "\(String(format: "%.2f", (ContinuousClock.now - started).seconds))",
            ])
        case .discarded(let reason):
            logger.warning("search index discarded; rebuilding from the database", metadata: ["reason": "\(reason)"])
        }
        return index
    }

    /// What a saved index must have been built from: this database, and this taxonomy (the skills
    /// kept in the index come from it, so another taxonomy means another index).
    static func indexSource(_ store: any SQLStore) async throws -> String {
        try await DatabaseIdentity.read(from: store) + " skills:" + SharedSkillTagger.fingerprint
    }

    /// Writes the index to disk if it changed, so the next start replays only newer changes.
    public func persistIndex() {
        do {
            try index.persist()
        } catch {
            logger.warning("could not save the search index; it will be rebuilt or replayed", metadata: ["error": "\(error)"])
        }
    }

    /// Changes after which a catch-up gives freed memory back (`FreedMemory`): a batch of the follower's size.
    static let largeCatchUp = 50_000

    /// Brings the index up to the database's latest change.
    public func catchUpIndex() async throws {
        let started = ContinuousClock.now
        let applied = try await follower.catchUp()
        // A long catch-up (a first start, another process's import) frees most of what indexing it allocated.
        if applied >= Self.largeCatchUp { FreedMemory.returnToSystem() }
        if applied > 0 {
            logger.info("search index current", metadata: [
                "changes": "\(applied)", "postings": "\(index.documentCount)",
                "seconds": "\(String(format: "%.2f", (ContinuousClock.now - started).seconds))",
            ])
        }
    }

    /// An importer; a command-line import leaves the index to the servers, which follow the change feed.
    public func importer(updatingIndex: Bool = true) -> JobImporter {
        JobImporter(repository: repository, follower: updatingIndex ? follower : nil, clock: clock)
    }

    public var apiDependencies: APIDependencies {
        let store = self.store
        return APIDependencies(
            jobs: jobs, sources: jobSources.service, tasks: backgroundWork.queue, accounts: accounts.api,
            careerAgent: careerAgent.api, access: accessGovernance.api, publishing: publishing.api, skillsGraph: skillsGraph.api, rateLimits: accounts.rateLimits, trustedProxies: accounts.trustedProxies
        ) {
            do {
                return try await Migrator(store: store).isUpToDate()
                    ? Readiness(isReady: true) : Readiness(isReady: false, reason: "Migrations are pending.")
            } catch {
                return Readiness(isReady: false, reason: "The database is not reachable.")
            }
        }
    }

    /// The web app's pages on the same use cases; cookies are `Secure` when the public URL is HTTPS.
    public func webDependencies() async throws -> WebDependencies {
        try await WebDependencies.bundled(jobs: jobs, accounts: accounts.api, careerAgent: careerAgent.api, access: accessGovernance.api,
                                         publishing: publishing.api, skillsGraph: skillsGraph.api, sources: jobSources.service, tasks: backgroundWork.queue,
                                         secureCookies: mail.publicURL.lowercased().hasPrefix("https://"))
    }

    public func close() async {
        await jobSources.close()
        indexLock?.release()
        try? await store.close()
    }
}

