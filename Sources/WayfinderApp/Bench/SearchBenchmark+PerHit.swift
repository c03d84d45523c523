import Foundation
import JobPostings

extension SearchBenchmark {
    /// A query no posting matches: what a request costs with no hit to fetch, highlight or encode.
    static let queryWithoutHits = "q=zzqxjvwk"

    /// What each returned hit adds to a request: the mix's queries with at least 20 hits, asked for
    /// pages of 1 and of 20 over HTTP, plus where the in-process part of a 20-hit page goes.
    func perHitCost(_ services: AppServices, port: Int, output: @Sendable (String) -> Void) async throws {
        var full: [String] = []
        for query in mix where try await services.jobs.search(try JobSearchQuery(urlQuery: query)).total >= 20 {
            full.append(query)
        }
        guard !full.isEmpty else {
            output("per-hit cost: no query of the mix has 20 hits in this corpus")
            return
        }
        let (none, one, twenty) = try await LoopbackHTTPClient.onOwnThread(port: port) { [full, rounds] client in
            var none = LatencyRecorder(), one = LatencyRecorder(), twenty = LatencyRecorder()
            for query in full { try client.search(query + "&limit=20") }
            for _ in 0..<rounds {
                for query in full {
                    none.record(try Self.timed { try client.search(Self.queryWithoutHits) })
                    one.record(try Self.timed { try client.search(query + "&limit=1") })
                    twenty.record(try Self.timed { try client.search(query + "&limit=20") })
                }
            }
            return (none, one, twenty)
        }
        let perHit = (twenty.percentile(50) - one.percentile(50)) / 19 * 1000
        output(String(format: "per-hit cost over HTTP (%d postings searchable, %d queries with ≥ 20 hits): %.0f µs per extra hit at p50",
                      services.index.documentCount,
                      full.count, perHit))
        output(none.summary("  no hit"))
        output(one.summary("  page of 1 hit"))
        output(twenty.summary("  page of 20 hits"))
        try await pageBreakdown(services, queries: full, output: output)
    }

    /// The in-process parts of a 20-hit page: the index's work, the database read, the highlights.
    private func pageBreakdown(_ services: AppServices, queries: [String], output: @Sendable (String) -> Void) async throws {
        var engine = LatencyRecorder(), fetch = LatencyRecorder(), fetchOne = LatencyRecorder(), highlight = LatencyRecorder()
        let now = services.clock.now()
        for _ in 0..<rounds {
            for text in queries {
                let query = try JobSearchQuery(urlQuery: text + "&limit=20")
                var matches: JobSearchMatches?
                engine.record(try await timed { matches = try services.index.search(query, now: now) })
                var postings: [JobPosting] = []
                fetch.record(try await timed {
                    postings = try await services.repository.summaries(rowIDs: matches?.rowIDs ?? []).map(\.posting)
                })
                fetchOne.record(try await timed {
                    _ = try await services.repository.summaries(rowIDs: Array((matches?.rowIDs ?? []).prefix(1)))
                })
                highlight.record(try await timed { _ = services.index.highlights(for: postings, query: query) })
            }
        }
        output(String(format: "  a 20-hit page in-process, p50: index %.0f µs, database read %.1f µs per hit, highlights %.1f µs per hit",
                      engine.percentile(50) * 1000, fetch.percentile(50) * 1000 / 20, highlight.percentile(50) * 1000 / 20))
        output(String(format: "  database read, p50: %.0f µs for 1 row, %.0f µs for 20 rows",
                      fetchOne.percentile(50) * 1000, fetch.percentile(50) * 1000))
    }

    private static func timed(_ body: () throws -> Void) rethrows -> Duration {
        let start = ContinuousClock.now
        try body()
        return ContinuousClock.now - start
    }

    private func timed(_ body: () async throws -> Void) async throws -> Duration {
        let start = ContinuousClock.now
        try await body()
        return ContinuousClock.now - start
    }
}
