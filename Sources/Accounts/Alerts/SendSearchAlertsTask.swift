import Domain
import Foundation
import JobPostings
import Logging

/// Mails each user one digest per alert frequency with the postings first seen since each of
/// their saved searches last alerted: no repeats (a search's watermark moves past what it has
/// considered), and no empty digests.
///
/// New postings are matched by the search engine itself: they are indexed into a small index of
/// their own, and each due search runs against it, so an alert finds exactly what the same search
/// would find among those postings on the site.
public struct SendSearchAlertsTask: Sendable {
    public static let name = "send_search_alerts"
    /// New postings considered in one run; a backlog larger than this is worked off run by run.
    static let batchLimit = 50_000
    /// Postings listed per search in one digest (the mail says how many more there are).
    static let listedPerSearch = 20

    let searches: any SavedSearchRepository
    let users: any UserRepository
    let feed: any NewPostingFeed
    let makeIndex: @Sendable () -> any JobSearchIndex
    let digests: AlertDigests
    let mailer: any AccountMailer
    let clock: any WallClock
    let logger: Logger

    public init(searches: any SavedSearchRepository, users: any UserRepository, feed: any NewPostingFeed,
                makeIndex: @escaping @Sendable () -> any JobSearchIndex, digests: AlertDigests, mailer: any AccountMailer,
                clock: any WallClock, logger: Logger) {
        self.searches = searches
        self.users = users
        self.feed = feed
        self.makeIndex = makeIndex
        self.digests = digests
        self.mailer = mailer
        self.clock = clock
        self.logger = logger
    }

    /// Runs every frequency that is due; returns the number of digests queued.
    @discardableResult
    public func run() async throws -> Int {
        var sent = 0
        for frequency in AlertFrequency.allCases {
            sent += try await run(frequency)
        }
        return sent
    }

    private func run(_ frequency: AlertFrequency) async throws -> Int {
        let now = clock.now()
        let due = try await searches.dueForAlert(frequency: frequency, now: now)
        guard let oldest = due.map(\.alertWatermark).min() else { return 0 }
        let postings = try await feed.postings(storedAfter: oldest, limit: Self.batchLimit)
        let newest = postings.last?.rowID ?? oldest
        let index = makeIndex()
        index.apply(postings.map { JobPostingChange(sequence: $0.rowID, stored: $0) })
        let byRowID = Dictionary(postings.map { ($0.rowID, $0.posting) }, uniquingKeysWith: { first, _ in first })

        var sections: [String: [AlertDigests.Section]] = [:]
        for search in due {
            guard var query = try? JobSearchQuery(urlQuery: search.query) else {
                logger.warning("saved search no longer parses; skipped", metadata: ["search": "\(search.id)"])
                continue
            }
            query.limit = JobSearchQuery.maximumLimit
            query.cursor = nil
            let matches = try index.search(query, now: now)
            let fresh = matches.rowIDs.filter { $0 > search.alertWatermark }.compactMap { byRowID[$0] }
            guard !fresh.isEmpty else { continue }
            // The total counts only this search's news when its watermark is newer than the batch's start.
            let total = search.alertWatermark == oldest ? matches.total : fresh.count
            sections[search.userID, default: []].append(AlertDigests.Section(
                search: search, postings: Array(fresh.prefix(Self.listedPerSearch)), total: max(total, fresh.count)
            ))
        }
        var sent = 0
        for (userID, userSections) in sections.sorted(by: { $0.key < $1.key }) {
            guard let user = try await users.user(id: userID), !user.isDisabled, user.isVerified else { continue }
            var mail = try await digests.digest(to: user, frequency: frequency, sections: userSections)
            mail.idempotencyKey = "alert:\(userID):\(frequency.rawValue):\(newest)"
            try await mailer.send(mail)
            sent += 1
        }
        try await searches.markAlerted(ids: due.map(\.id), watermark: newest, at: now)
        if sent > 0 {
            logger.info("search alerts queued", metadata: ["frequency": "\(frequency.rawValue)", "digests": "\(sent)", "new_postings": "\(postings.count)"])
        }
        return sent
    }
}
