import Domain
import Foundation
import JobPostings

/// Two-sided matching on the job match formula, between candidates and the postings that ask for at
/// least one of their skills (the skills graph matches on skills). Each candidate keeps their best
/// postings (a top list above a bar), and each company job keeps every candidate above the bar, so
/// employers see all who fit. A run does only what changed: candidates whose profile or verified skills changed,
/// or who held a posting that changed or closed, are recomputed from the index; every other
/// candidate only has the new postings scored and merged into their list. Scores depend on the
/// candidate and the posting alone, and each ranked list is an exact prefix of the candidate's
/// postings by score (all of them above the bar when `complete`), so the result equals a full
/// recompute.
public struct MatchingService: Sendable {
    public struct Settings: Sendable {
        /// Postings shown per candidate.
        public var topCount = 50
        /// Postings ranked beyond those, kept so a posting that closes seldom forces a new ranking:
        /// what remains of a ranked list is still the exact top of what remains.
        public var reserveCount = 25
        /// Pairs below this score are not kept.
        public var minimumScore = 60
        /// New pairs at or above this score are notified.
        public var notifyScore = 75
        public var lease: TimeInterval = 30 * 60

        public init() {}
    }

    let repository: any MatchRepository
    let candidates: any CandidateDirectory
    let postings: JobSearchService
    let batch: any PostingBatchMatcher
    let notifications: NotificationService
    let clock: any WallClock
    public let settings: Settings
    /// The ids of the published company jobs, which keep every candidate above the bar.
    let companyJobIDs: @Sendable () async throws -> [String]

    public init(repository: any MatchRepository, candidates: any CandidateDirectory, postings: JobSearchService, batch: any PostingBatchMatcher,
                notifications: NotificationService, clock: any WallClock, settings: Settings = Settings(),
                companyJobIDs: @escaping @Sendable () async throws -> [String] = { [] }) {
        self.companyJobIDs = companyJobIDs
        self.repository = repository
        self.candidates = candidates
        self.postings = postings
        self.batch = batch
        self.notifications = notifications
        self.clock = clock
        self.settings = settings
    }

    /// Brings every candidate's matches up to date; `full` recomputes everyone from scratch.
    public func run(full: Bool = false) async throws -> MatchRunReport {
        let started = Date()
        let now = clock.now()
        guard try await repository.lease(until: now.addingTimeInterval(settings.lease), now: now) else {
            throw DomainError.conflict("Another matching run is going on.")
        }
        do {
            let report = try await runHoldingLease(full: full, now: now, started: started)
            try await repository.releaseLease()
            return report
        } catch {
            try? await repository.releaseLease()
            throw error
        }
    }

    private func runHoldingLease(full: Bool, now: Date, started: Date) async throws -> MatchRunReport {
        var report = MatchRunReport()
        let everyone = try await candidates.candidates()
        let byUser = Dictionary(everyone.map { ($0.userID, $0) }, uniquingKeysWith: { $1 })
        let fingerprints = try await repository.fingerprints()
        for gone in fingerprints.keys where byUser[gone] == nil { try await repository.remove(userID: gone) }

        // What changed among postings since the last run, up to what the index has applied.
        let upTo = postings.indexedSequence
        var changed: [Int64: StoredJobPosting] = [:]
        var cursor = try await repository.cursor()
        let everyoneDirty = full || fingerprints.isEmpty
        while !everyoneDirty, cursor < upTo {
            let page = try await postings.changes(after: cursor, limit: 5_000)
            guard let last = page.last else { break }
            for change in page where change.sequence <= upTo { changed[change.stored.rowID] = change.stored }
            cursor = min(last.sequence, upTo)
        }
        report.changedPostings = changed.count

        var dirty = Set<String>()
        if everyoneDirty {
            dirty = Set(byUser.keys)
        } else {
            for candidate in everyone where fingerprints[candidate.userID] != candidate.fingerprint { dirty.insert(candidate.userID) }
            // A changed or expired posting leaves every list; what remains of a ranked list is still
            // the exact top of what remains. Only a candidate whose list falls below what is shown,
            // and who has more postings above the bar than it held, is ranked again.
            let held = try await repository.matches(rowIDs: Array(changed.keys)) + repository.expired(before: now)
            let summaries = try await repository.rankedSummaries()
            let lost = Dictionary(grouping: held.filter(\.inTop), by: \.userID).mapValues { Set($0.map(\.rowID)).count }
            for (userID, count) in lost {
                guard let summary = summaries[userID] else { continue }
                if !summary.complete, summary.count - count < settings.topCount { dirty.insert(userID) }
            }
            try await repository.remove(rowIDs: Array(Set(held.map(\.rowID))))
        }
        report.recomputed = dirty.count

        let companyJobs = try await openCompanyPostings(now: now)
        try await recompute(everyone.filter { dirty.contains($0.userID) }, companyJobs: companyJobs, now: now, report: &report)
        let fresh = changed.values.filter { $0.posting.status == .open && ($0.posting.expiresAt.map { $0 > now } ?? true) }
            .sorted { $0.rowID < $1.rowID }
        try await merge(fresh, into: everyone.filter { !dirty.contains($0.userID) }, now: now, report: &report)
        try await repository.setCursor(everyoneDirty ? upTo : cursor)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Candidates recomputed from scratch: their top list from the index, their company-job pairs
    /// scored in one batch; each chunk read and written in one go.
    private func recompute(_ group: [Candidate], companyJobs: [StoredJobPosting], now: Date, report: inout MatchRunReport) async throws {
        for chunk in stride(from: 0, to: group.count, by: 500).map({ Array(group[$0..<min(group.count, $0 + 500)]) }) {
            let companyScores = companyJobs.isEmpty ? [] : batch.scores(of: companyJobs, for: chunk.map(\.profile), now: now)
            let depth = settings.topCount + settings.reserveCount
            let ranked = try chunk.map { candidate in try postings.matchRanking(candidate.profile, limit: depth) }
            let rankings = ranked.map { $0.filter { $0.score >= settings.minimumScore } }
            let rows = Array(Set(rankings.flatMap { $0.map(\.rowID) }))
            let stored = Dictionary(try await postings.postings(rowIDs: rows).map { ($0.rowID, $0.posting) }, uniquingKeysWith: { $1 })
            let previous = try await repository.matches(userIDs: chunk.map(\.userID))
            var lists: [CandidateMatches] = []
            for (position, candidate) in chunk.enumerated() {
                var pairs: [Int64: StoredMatch] = [:]
                for hit in rankings[position] {
                    guard let posting = stored[hit.rowID] else { continue }
                    pairs[hit.rowID] = StoredMatch(userID: candidate.userID, rowID: hit.rowID, jobID: posting.jobID, score: hit.score, inTop: true,
                                                   forCompany: false, expiresAt: posting.expiresAt, computedAt: now)
                }
                if !companyScores.isEmpty {
                    for (index, job) in companyJobs.enumerated() {
                        guard let score = companyScores[position][index], score >= settings.minimumScore else { continue }
                        pairs[job.rowID, default: StoredMatch(userID: candidate.userID, rowID: job.rowID, jobID: job.posting.jobID, score: score,
                                                              inTop: false, forCompany: true, expiresAt: job.posting.expiresAt, computedAt: now)]
                            .forCompany = true
                    }
                }
                let notified = Dictionary((previous[candidate.userID] ?? []).map { ($0.rowID, $0.notifiedAt) }, uniquingKeysWith: { $1 })
                var kept = Array(pairs.values)
                for index in kept.indices { kept[index].notifiedAt = notified[kept[index].rowID] ?? nil }
                // Complete when the ranking ran out before the depth, or reached below the bar.
                let complete = ranked[position].count < depth || rankings[position].count < ranked[position].count
                lists.append(CandidateMatches(userID: candidate.userID, fingerprint: candidate.fingerprint, matches: kept, complete: complete))
            }
            try await repository.replace(lists)
            for list in lists { try await notifyNew(list.userID, list.matches, now: now, report: &report) }
        }
    }

    /// New and changed open postings scored against candidates who did not change, merged into their
    /// lists. A complete list takes every posting above the bar; a list that is the best of more takes
    /// only postings that rank above its last, since others might rank below postings it never held.
    private func merge(_ fresh: [StoredJobPosting], into group: [Candidate], now: Date, report: inout MatchRunReport) async throws {
        guard !fresh.isEmpty, !group.isEmpty else { return }
        let summaries = try await repository.rankedSummaries()
        let depth = settings.topCount + settings.reserveCount
        for start in stride(from: 0, to: group.count, by: 500) {
            let chunk = Array(group[start..<min(group.count, start + 500)])
            let scores = batch.scores(of: fresh, for: chunk.map(\.profile), now: now)
            var offers: [(candidate: Candidate, offered: [StoredMatch])] = []
            for (position, candidate) in chunk.enumerated() {
                let summary = summaries[candidate.userID] ?? RankedSummary(count: 0, lowest: 0, complete: true)
                var offered: [StoredMatch] = []
                for (index, stored) in fresh.enumerated() {
                    guard let score = scores[position][index], score >= settings.minimumScore else { continue }
                    let isCompany = stored.posting.providerID == EmployerJobService.provider
                    let mayRank = summary.complete || score >= summary.lowest
                    guard isCompany || mayRank else { continue }
                    offered.append(StoredMatch(userID: candidate.userID, rowID: stored.rowID, jobID: stored.posting.jobID, score: score,
                                               inTop: mayRank, forCompany: isCompany, expiresAt: stored.posting.expiresAt, computedAt: now))
                }
                if !offered.isEmpty { offers.append((candidate, offered)) }
            }
            guard !offers.isEmpty else { continue }
            let current = try await repository.matches(userIDs: offers.map(\.candidate.userID))
            var lists: [CandidateMatches] = []
            for (candidate, offered) in offers {
                var complete = summaries[candidate.userID]?.complete ?? true
                let offeredRows = Set(offered.map(\.rowID))
                let kept = (current[candidate.userID] ?? []).filter { !offeredRows.contains($0.rowID) }
                let last = kept.filter(\.inTop).max(by: Self.ranksBefore)
                var pairs = kept
                for var pair in offered {
                    // Past the last of a list that is the best of more, a posting's place is unknown.
                    if pair.inTop, !complete, let last, !Self.ranksBefore(pair, last) { pair.inTop = false }
                    pairs.append(pair)
                }
                let ranked = pairs.filter(\.inTop).sorted(by: Self.ranksBefore)
                if ranked.count > depth { complete = false }
                let top = Set(ranked.prefix(depth).map(\.rowID))
                for index in pairs.indices { pairs[index].inTop = top.contains(pairs[index].rowID) }
                pairs.removeAll { !$0.inTop && !$0.forCompany }
                lists.append(CandidateMatches(userID: candidate.userID, fingerprint: candidate.fingerprint, matches: pairs, complete: complete))
            }
            try await repository.replace(lists)
            report.merged += lists.count
            for list in lists { try await notifyNew(list.userID, list.matches, now: now, report: &report) }
        }
    }

    /// Best first; ties to the lower row id, as the index orders a ranking.
    static func ranksBefore(_ left: StoredMatch, _ right: StoredMatch) -> Bool {
        left.score != right.score ? left.score > right.score : left.rowID < right.rowID
    }

    private func notifyNew(_ userID: String, _ pairs: [StoredMatch], now: Date, report: inout MatchRunReport) async throws {
        let new = pairs.filter { $0.notifiedAt == nil && $0.score >= settings.notifyScore }
        guard !new.isEmpty else { return }
        let best = new.max { $0.score < $1.score }!
        try await notifications.notify(
            userID: userID, kind: .match,
            title: new.count == 1 ? "A new job matches you (\(best.score)/100)" : "\(new.count) new jobs match you (best \(best.score)/100)",
            body: "See why each fits and what is missing.", link: "/matches",
            key: "matches:\(userID):\(new.map { String($0.rowID) }.sorted().joined(separator: ","))")
        try await repository.markNotified(userID: userID, rowIDs: new.map(\.rowID), at: now)
        report.notified += 1
    }

    private func openCompanyPostings(now: Date) async throws -> [StoredJobPosting] {
        var found: [StoredJobPosting] = []
        for jobID in try await companyJobIDs() {
            if let stored = try await postings.stored(jobID: jobID), stored.posting.status == .open,
               stored.posting.expiresAt.map({ $0 > now }) ?? true {
                found.append(stored)
            }
        }
        return found
    }
}

/// What one matching run did.
public struct MatchRunReport: Sendable, Equatable {
    public var changedPostings = 0
    public var recomputed = 0
    public var merged = 0
    public var notified = 0
    public var seconds = 0.0

    public init() {}
}
