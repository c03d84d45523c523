import Domain
import Foundation
import HummingbirdTesting
import JobPostings
import Platform
import SkillsGraph
import Storage
import Testing
import WayfinderApp

@Suite("Matching, incremental and from scratch")
struct MatchingIncrementalTests {
    static let skills = ["Swift", "Python", "Kafka", "SQL", "Kubernetes", "Terraform", "React", "Excel"]

    /// A posting asking for a seeded handful of skills, some of them as a plus.
    static func posting(_ number: Int, random: inout SplitMix64, expiresInDays: Double = 30) -> JobPosting {
        let asked = (0..<3).map { _ in random.pick(skills) }
        let plus = random.pick(skills)
        let titles = ["Backend Engineer", "Data Engineer", "Platform Engineer", "Frontend Developer", "Analyst"]
        return TestApp.posting("m\(number)", title: random.pick(titles),
                               description: "You will use \(Set(asked).sorted().joined(separator: ", ")) every day. \(plus) is a plus.",
                               location: random.pick(["Berlin, Germany", "Paris, France", "Lisbon, Portugal"]), remote: random.percent(30),
                               salary: random.percent(50) ? 50_000 + random.below(50) * 1_000 : nil, expiresInDays: expiresInDays)
    }

    /// What people see: each candidate's best `shown` ranked postings, and every company-job pair. (The reserve kept beyond
    /// them may be shorter after an incremental run; it is never shown.)
    static func visible(_ pairs: [StoredMatch], shown: Int) -> [String] {
        Dictionary(grouping: pairs, by: \.userID).values.flatMap { mine -> [String] in
            let ranked = mine.filter(\.inTop).sorted { $0.score != $1.score ? $0.score > $1.score : $0.rowID < $1.rowID }.prefix(shown)
            return ranked.map { "\($0.userID)|\($0.rowID)|\($0.score)|top" } + mine.filter(\.forCompany).map { "\($0.userID)|\($0.rowID)|\($0.score)|company" }
        }.sorted()
    }

    @Test("after new, changed, closed and expiring postings and changed candidates, an incremental run equals a full recompute")
    func incrementalEqualsFull() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        // A short top list, so new postings push old ones out and closing one must bring the next best back in.
        let settings = TestApp.settings { $0.skillsGraph.matchesPerCandidate = 3; $0.skillsGraph.minimumMatchScore = 40 }
        var random = SplitMix64(seed: 2026)
        let first = (0..<40).map { Self.posting($0, random: &random, expiresInDays: $0 % 10 == 0 ? 2 : 30) }
        let later = (40..<60).map { Self.posting($0, random: &random) }
        let profiles = (0..<12).map { _ in
            (skills: Array(Set((0..<3).map { _ in random.pick(Self.skills) })).sorted(),
             headline: random.pick(["Backend Engineer", "Data Engineer", "Analyst"]), location: random.pick(["Berlin, Germany", "Paris, France"]))
        }
        try await TestApp.withServicesAndClient(settings: settings, clock: clock, postings: first) { services, client in
            var tokens: [String] = []
            for (number, profile) in profiles.enumerated() {
                let token = try await TestApp.signedInUser(services, email: "seeker\(number)@example.com")
                try await client.patchProfile(["skills": profile.skills, "headline": profile.headline, "location": profile.location], token: token)
                tokens.append(token)
            }
            let matching = services.skillsGraph.api.matching
            let initial = try await matching.run()
            #expect(initial.recomputed == 12)
            let kept = try await services.skillsGraph.matchRepository.all()
            #expect(kept.count > 12)

            // What changes: new postings, a posting closed that candidates held, one edited, one candidate's profile, time
            // moving past some postings' expiry.
            let held = Dictionary(grouping: kept.filter(\.inTop), by: \.jobID).sorted { $0.value.count > $1.value.count }
            let closed = try #require(held.first?.key)
            _ = try await services.repository.close(jobIDs: [closed], at: clock.now())
            var edited = try #require(first.first { $0.jobID == held.dropFirst().first?.key })
            edited.description = "Now only Excel and SQL. React is a plus."
            edited.updatedAt = clock.now().addingTimeInterval(1)
            _ = try await services.repository.upsert([edited] + later)
            try await client.patchProfile(["skills": ["Kubernetes", "Terraform", "Python", "SQL"]], token: tokens[0])
            clock.advance(by: 3 * 86_400)
            try await services.catchUpIndex()

            let incremental = try await matching.run()
            #expect(incremental.recomputed < 12, "an incremental run recomputed everyone")
            #expect(incremental.changedPostings == 22)
            let afterIncremental = Self.visible(try await services.skillsGraph.matchRepository.all(), shown: 3)
            let full = try await matching.run(full: true)
            #expect(full.recomputed == 12)
            let afterFull = Self.visible(try await services.skillsGraph.matchRepository.all(), shown: 3)
            #expect(afterIncremental == afterFull)
            let closedRow = try #require(try await services.repository.find(jobID: closed)).rowID
            #expect(!afterFull.contains { $0.contains("|\(closedRow)|") })

            // Nothing changed since: a run does nothing and changes nothing.
            let idle = try await matching.run()
            #expect(idle.recomputed == 0 && idle.changedPostings == 0)
            #expect(Self.visible(try await services.skillsGraph.matchRepository.all(), shown: 3) == afterFull)
        }
    }

    @Test("a matching run asked for while another holds the lease queues one run to follow it instead of failing")
    func runWhileAnotherRunsIsFollowedUp() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServices(clock: clock) { services in
            let repository = services.skillsGraph.matchRepository
            let queue = services.backgroundWork.queue
            let run = try #require(services.backgroundWork.allHandlers.handler(for: "match_candidates"))
            let asking = ClaimedTask(id: 0, name: "match_candidates", payload: Data("{}".utf8), receives: 1, lease: "l", enqueuedAt: clock.now())
            #expect(try await repository.lease(until: clock.now().addingTimeInterval(600), now: clock.now()))

            // Three requests in one minute while the lease is held: none fails, one follow-up is queued a minute on.
            for _ in 0..<3 { try await run(asking) }
            let queued = try await queue.tasks(limit: 10).filter { $0.name == "match_candidates" }
            #expect(queued.count == 1)
            #expect(queued.first?.visibleAt == clock.now().addingTimeInterval(60))

            // Once the lease is free, the follow-up runs.
            try await repository.releaseLease()
            clock.advance(by: 61)
            let followUp = try #require(try await queue.claim(limit: 1, visibilityTimeout: .seconds(60), names: ["match_candidates"]).first)
            try await run(followUp)
            #expect(try await queue.complete(followUp))
            #expect(try await queue.tasks(limit: 10).filter { $0.name == "match_candidates" && $0.state != .done }.isEmpty)
        }
    }
}
