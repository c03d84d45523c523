/// Stores batches of postings one after another, each in its own write transaction, and prepares each
/// batch (`JobPostingRepository.prepare`) while the one before it is being written: the database works on
/// one batch while this process works on the next.
public struct OverlappingWriter: Sendable {
    private let repository: any JobPostingRepository
    private var writing: Task<UpsertSummary, any Error>?
    /// What the batches written so far stored; a batch still being written is counted once it is done.
    public private(set) var stored = UpsertSummary()

    public init(repository: any JobPostingRepository) {
        self.repository = repository
    }

    /// Prepares `postings`, waits for the batch before them, then starts writing them and returns. The
    /// outcome, or the error, of this batch comes with the next call or with `finish`.
    public mutating func write(_ postings: [JobPosting]) async throws {
        guard !postings.isEmpty else { return }
        let repository = repository
        let prepared = await repository.prepare(postings)
        try await finish()
        writing = Task { try await repository.upsert(prepared) }
    }

    /// Waits for the batch being written, if any; returns what every batch stored.
    @discardableResult
    public mutating func finish() async throws -> UpsertSummary {
        if let batch = writing {
            writing = nil
            stored = stored + (try await batch.value)
        }
        return stored
    }
}
