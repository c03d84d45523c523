import JobPostings
import SQLKit

/// Skills are read when a posting is written, beside the write transaction, and recorded in its row: then
/// every follower and rebuild takes them from the change feed, and a posting is read once, not once per process.
extension SQLJobPostingRepository {
    /// What a batch needs to record its postings' skills.
    struct SkillRecording: Sendable {
        let tagger: any PostingSkillTagger
        /// The tagger's `RecordedSkills.stamp`, worked out once for the batch.
        let stamp: String
        /// `job_id` → `content_hash` of the batch's postings already stored: an unchanged posting is not
        /// written again, so its skills are not read again either.
        let stored: [String: String]

        func record(in record: inout JobPostingRecord, of posting: JobPosting) {
            guard stored[record.job_id] != record.content_hash else { return }
            record.skills = RecordedSkills(tagger.skills(of: posting), stamp: stamp, content: record.content_hash).text
        }
    }

    /// The recording for `postings`, or nil when this repository records no skills. The stored fingerprints are
    /// read outside the write transaction; a posting changed in between is written without skills, which an
    /// index then reads itself. Should that read fail, every posting is read.
    func skillRecording(for postings: [JobPosting]) async -> SkillRecording? {
        guard let tagger = skillTagger, let fingerprint = tagger.taggerFingerprint else { return nil }
        // Small batches are read on the calling task's thread: it must not be the one to wait for the tagger.
        await tagger.whenReady()
        let jobIDs = postings.map(\.jobID)
        let dialect = store.dialect
        let stored = try? await store.read { database in
            var stored: [String: String] = [:]
            for part in jobIDs.chunked(by: Self.rowsPerStatement(dialect)) {
                stored.merge(try await Self.storedFingerprints(jobIDs: Array(part), dialect: dialect, on: database)) { $1 }
            }
            return stored
        }
        return SkillRecording(tagger: tagger, stamp: RecordedSkills.stamp(of: fingerprint), stored: stored ?? [:])
    }
}
