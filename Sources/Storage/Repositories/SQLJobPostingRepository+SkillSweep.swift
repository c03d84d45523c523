import Domain
import JobPostings
import SQLKit

/// Postings written before this tagger (by an earlier release, or before skills were recorded at all) hold no
/// skills it trusts, so every index and every rebuild reads their text again. The sweep records their skills in
/// one pass, a window of row ids at a time, in row order (`wayfinder migrate --record-skills`); it starts over for
/// a tagger with another stamp (another taxonomy or other reading rules). Postings written later are recorded by
/// their writers.
///
/// It is not run on every start: on a database whose rows are all current it would still read every row once,
/// which at a million postings is gigabytes through the page cache and tens of megabytes of SQLite's caches in
/// a serving process.
extension SQLJobPostingRepository {
    /// Row ids one step looks at: the postings of a step are read on every core, then written in one short
    /// transaction.
    public static let skillSweepWindow = 10_000

    /// One step of the sweep: claims the next window of row ids for this repository's tagger, reads the skills
    /// of the open postings in it that hold none the tagger trusts, and records them. Returns how many postings
    /// were read, or nil when the sweep has passed the last row (or the repository records no skills).
    ///
    /// Processes sharing the database each claim windows of their own. A posting rewritten between the read and
    /// the write keeps what its writer recorded.
    public func recordStaleSkills(window: Int = skillSweepWindow) async throws -> Int? {
        guard let tagger = skillTagger, let fingerprint = tagger.taggerFingerprint else { return nil }
        let stamp = RecordedSkills.stamp(of: fingerprint)
        guard let claimed = try await claimSweepWindow(stamp: stamp, window: Int64(window)) else { return nil }
        let stale = try await stalePostings(in: claimed, stamp: stamp)
        guard !stale.isEmpty else { return 0 }
        await tagger.whenReady()
        let recorded = await stale.concurrentMap(minimumPerPart: 500) { record in
            SweptSkills(rowID: record.row_id ?? 0, content: record.content_hash,
                        text: RecordedSkills(tagger.skills(of: record.posting), stamp: stamp, content: record.content_hash).text)
        }
        try await store.write { database in
            for part in recorded.chunked(by: 200) {
                let cases = part.map { skills in
                    SQLQueryString("WHEN row_id = \(bind: skills.rowID) AND content_hash = \(bind: skills.content) THEN \(bind: skills.text)")
                }.joined(separator: " ")
                try await database.raw("""
                    UPDATE job_postings SET skills = CASE \(cases) ELSE skills END WHERE row_id IN (\(binds: part.map(\.rowID)))
                    """).run()
            }
        }
        return stale.count
    }

    /// Starts this tagger's sweep over from the first row if the last one ran to the end; one stopped half-way
    /// goes on from where it stopped. Rows behind a finished sweep can be stale again when an earlier release
    /// wrote them afterwards (during a rolling upgrade).
    public func restartSkillSweepIfFinished() async throws {
        guard let fingerprint = skillTagger?.taggerFingerprint else { return }
        let stamp = RecordedSkills.stamp(of: fingerprint)
        try await store.write { database in
            try await database.raw("""
                UPDATE posting_skill_sweeps SET after_row_id = 0
                WHERE stamp = \(bind: stamp) AND after_row_id >= \(unsafeRaw: Self.lastRowID)
                """).run()
        }
    }

    /// The highest row id written so far (0 for none): where a sweep ends.
    private static let lastRowID = "(SELECT COALESCE(MAX(row_id), 0) FROM job_postings)"

    private struct SweptSkills: Sendable {
        let rowID: Int64
        let content: String
        let text: String
    }

    /// The next window of row ids for `stamp`, or nil when its sweep has passed the last row. Reads first, so
    /// that once the sweep is done a step costs two lookups and no write.
    private func claimSweepWindow(stamp: String, window: Int64) async throws -> ClosedRange<Int64>? {
        let (after, last) = try await store.read { database in
            let after = try await database.raw("SELECT after_row_id FROM posting_skill_sweeps WHERE stamp = \(bind: stamp)")
                .first(decodingColumn: "after_row_id", as: Int64.self) ?? 0
            let last = try await database.raw("SELECT \(unsafeRaw: Self.lastRowID) AS last")
                .first(decodingColumn: "last", as: Int64.self) ?? 0
            return (after, last)
        }
        guard after < last else { return nil }
        return try await store.write { database in
            try await database.raw("INSERT INTO posting_skill_sweeps (stamp, after_row_id) VALUES (\(bind: stamp), 0) ON CONFLICT (stamp) DO NOTHING")
                .run()
            // One statement moves the position, so two processes stepping at once get one window each.
            guard let end = try await database.raw("""
                UPDATE posting_skill_sweeps SET after_row_id = after_row_id + \(bind: window)
                WHERE stamp = \(bind: stamp) AND after_row_id < \(unsafeRaw: Self.lastRowID)
                RETURNING after_row_id
                """).first(decodingColumn: "after_row_id", as: Int64.self) else { return nil }
            return (end - window + 1)...end
        }
    }

    /// The open postings of `window` whose recorded skills are missing, another tagger's, or from other content.
    private func stalePostings(in window: ClosedRange<Int64>, stamp: String) async throws -> [JobPostingRecord] {
        // Sixteen hex digits of our own making (`RecordedSkills.stamp`), written into the statement as a literal:
        // `values` binds integers only.
        precondition(stamp.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        return try await store.values("""
            SELECT \(Self.columnsWithoutHTML) FROM job_postings p
            WHERE p.row_id BETWEEN ? AND ? AND p.status = 'open'
            AND (p.skills IS NULL OR substr(p.skills, 1, \(stamp.utf8.count + 1) + length(p.content_hash)) <> '\(stamp) ' || p.content_hash)
            """, binds: [window.lowerBound, window.upperBound]).map { try JobPostingRecord(values: $0) }
    }
}
