import Domain
import Foundation
import JobPostings
import Logging
import Platform
import Storage

/// Job ingestion: sources, their providers, and the sync that runs as a background task.
public struct JobSourcesFeature: Sendable {
    public let service: JobSourceService
    public let sync: JobSourceSync
    public let links: SQLJobPostingLinkRepository
    let fetcher: AsyncHTTPFetcher

    init(store: any SQLStore, postings: any JobPostingRepository, work: inout BackgroundWorkFeature, settings: Settings,
         clock: any WallClock) {
        let sources = SQLJobSourceRepository(store: store)
        fetcher = AsyncHTTPFetcher()
        let http = ProviderHTTP(
            fetcher: fetcher, limiters: RateLimiters(rate: settings.providerRate, burst: max(1, Int(settings.providerRate * 2))),
            timeout: settings.providerTimeout, clock: clock
        )
        links = SQLJobPostingLinkRepository(store: store)
        sync = JobSourceSync(sources: sources, postings: postings, links: links, providers: JobProviders(http: http),
                             breakers: CircuitBreakers(clock: clock), clock: clock)
        service = JobSourceService(sources: sources, queue: work.queue, clock: clock)
        SyncJobSourceTask.register(in: &work.handlers, sync: sync)
    }

    func close() async {
        await fetcher.shutdown()
    }
}
