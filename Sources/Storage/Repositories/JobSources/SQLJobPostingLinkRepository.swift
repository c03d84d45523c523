import Foundation
import JobPostings
import SQLKit

/// Listing keys and duplicate links in `job_posting_keys` and `job_posting_links`.
public struct SQLJobPostingLinkRepository: JobPostingLinkRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func openPostings(matching keys: [ListingKeys], notListedBy sourceID: Int64) async throws -> [ListingKeys] {
        guard !keys.isEmpty else { return [] }
        let urls = Array(Set(keys.compactMap(\.applyURLKey))), listings = Array(Set(keys.map(\.listingKey)))
        let chunk = store.dialect.maximumBindings - 20
        return try await store.read { database in
            var found: [String: ListingKeys] = [:]
            for (column, values) in [("apply_url_key", urls), ("listing_key", listings)] {
                for part in values.chunked(by: chunk) {
                    let rows = try await database.raw("""
                        SELECT k.job_id, k.apply_url_key, k.listing_key, k.posted_date FROM job_posting_keys k
                        JOIN job_postings p ON p.job_id = k.job_id
                        WHERE p.status = 'open' AND k.\(unsafeRaw: column) IN (\(binds: Array(part)))
                        AND NOT EXISTS (SELECT 1 FROM job_source_postings m WHERE m.source_id = \(bind: sourceID) AND m.job_id = k.job_id)
                        """).all()
                    for row in rows {
                        let jobID = try row.decode(column: "job_id", as: String.self)
                        found[jobID] = ListingKeys(
                            jobID: jobID, applyURLKey: try row.decode(column: "apply_url_key", as: String?.self),
                            listingKey: try row.decode(column: "listing_key", as: String.self),
                            postedDate: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "posted_date", as: Int64.self)))
                        )
                    }
                }
            }
            return Array(found.values)
        }
    }

    public func save(keys allKeys: [ListingKeys], links allLinks: [DuplicateLink]) async throws {
        guard !allKeys.isEmpty else { return }
        let rowsPerStatement = store.dialect.maximumBindings / 4
        let now = Int64(Date().timeIntervalSince1970)
        let (storedKeys, storedLinks) = try await stored(jobIDs: allKeys.map(\.jobID))
        // A re-sync mostly finds everything as it was: write only what differs.
        let keys = allKeys.filter { storedKeys[$0.jobID] != $0 }
        let wanted = Dictionary(allLinks.map { ($0.jobID, $0) }, uniquingKeysWith: { $1 })
        let unlink = allKeys.map(\.jobID).filter { storedLinks[$0] != nil && storedLinks[$0] != wanted[$0]?.canonicalJobID }
        let links = allLinks.filter { storedLinks[$0.jobID] != $0.canonicalJobID }
        guard !keys.isEmpty || !unlink.isEmpty || !links.isEmpty else { return }
        try await store.transaction { database in
            for part in unlink.chunked(by: rowsPerStatement) {
                try await database.raw("DELETE FROM job_posting_links WHERE job_id IN (\(binds: Array(part)))").run()
            }
            for part in keys.chunked(by: rowsPerStatement) {
                var insert = database.insert(into: "job_posting_keys").columns("job_id", "apply_url_key", "listing_key", "posted_date")
                for key in part {
                    insert = insert.values(key.jobID, key.applyURLKey, key.listingKey, Int64(key.postedDate.timeIntervalSince1970))
                }
                try await insert.onConflict(with: "job_id") { update in
                    update.set(excludedValueOf: "apply_url_key").set(excludedValueOf: "listing_key").set(excludedValueOf: "posted_date")
                }.run()
            }
            for part in links.chunked(by: rowsPerStatement) {
                var insert = database.insert(into: "job_posting_links").columns("job_id", "canonical_job_id", "reason", "linked_at")
                for link in part { insert = insert.values(link.jobID, link.canonicalJobID, link.reason, now) }
                try await insert.onConflict(with: "job_id") { update in
                    update.set(excludedValueOf: "canonical_job_id").set(excludedValueOf: "reason").set(excludedValueOf: "linked_at")
                }.run()
            }
        }
    }

    /// The keys and links stored for these postings.
    private func stored(jobIDs: [String]) async throws -> (keys: [String: ListingKeys], links: [String: String]) {
        let chunk = store.dialect.maximumBindings - 10
        return try await store.read { database in
            var keys: [String: ListingKeys] = [:], links: [String: String] = [:]
            for part in jobIDs.chunked(by: chunk) {
                for row in try await database.raw("""
                    SELECT job_id, apply_url_key, listing_key, posted_date FROM job_posting_keys WHERE job_id IN (\(binds: Array(part)))
                    """).all() {
                    let jobID = try row.decode(column: "job_id", as: String.self)
                    keys[jobID] = ListingKeys(
                        jobID: jobID, applyURLKey: try row.decode(column: "apply_url_key", as: String?.self),
                        listingKey: try row.decode(column: "listing_key", as: String.self),
                        postedDate: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "posted_date", as: Int64.self)))
                    )
                }
                for row in try await database.raw("""
                    SELECT job_id, canonical_job_id FROM job_posting_links WHERE job_id IN (\(binds: Array(part)))
                    """).all() {
                    links[try row.decode(column: "job_id", as: String.self)] = try row.decode(column: "canonical_job_id", as: String.self)
                }
            }
            return (keys, links)
        }
    }

    public func sameJob(as jobID: String) async throws -> [String] {
        try await store.read { database in
            let canonical = try await database.raw("SELECT canonical_job_id FROM job_posting_links WHERE job_id = \(bind: jobID)")
                .first(decodingColumn: "canonical_job_id", as: String.self) ?? jobID
            let linked = try await database.raw("""
                SELECT job_id FROM job_posting_links WHERE canonical_job_id = \(bind: canonical) ORDER BY job_id
                """).all(decodingColumn: "job_id", as: String.self)
            return ([canonical] + linked).filter { $0 != jobID }
        }
    }
}
