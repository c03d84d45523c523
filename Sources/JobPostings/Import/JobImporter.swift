import Domain
import Foundation

/// Validates feed records and stores them in batches; one bad record never stops the good ones.
public struct JobImporter: Sendable {
    private let repository: any JobPostingRepository
    private let follower: JobIndexFollower?
    private let clock: any WallClock
    public var batchSize: Int

    public init(
        repository: any JobPostingRepository, follower: JobIndexFollower?, clock: any WallClock,
        batchSize: Int = 1_000
    ) {
        self.repository = repository
        self.follower = follower
        self.clock = clock
        self.batchSize = batchSize
    }

    public struct Failure: Sendable, Equatable {
        public var position: Int
        public var message: String
    }

    public struct Report: Sendable, Equatable {
        public var stored = UpsertSummary()
        public var failures: [Failure] = []
        public var read = 0
    }

    /// A batch-at-a-time importer: feed records, then `finish()`.
    public struct Session: Sendable {
        fileprivate let importer: JobImporter
        private var pending: [JobPosting] = []
        private var pendingIDs: Set<String> = []
        public private(set) var report = Report()

        fileprivate init(importer: JobImporter) {
            self.importer = importer
        }

        public mutating func add(_ records: [JobFeedRecord]) async throws {
            let now = importer.clock.now()
            for record in records {
                report.read += 1
                switch record.draft.flatMap({ draft in
                    draft.normalize(updatedAt: now).mapError { JobFeedError(Self.message($0), fieldErrors: Self.fields($0)) }
                }) {
                case .success(let posting):
                    // A second copy of an id inside one batch would be two writes of one row; keep the last.
                    if pendingIDs.contains(posting.jobID) { try await flush() }
                    pending.append(posting)
                    pendingIDs.insert(posting.jobID)
                    if pending.count >= importer.batchSize { try await flush() }
                case .failure(let error):
                    report.failures.append(Failure(position: record.position, message: error.summary))
                }
            }
        }

        public mutating func finish() async throws -> Report {
            try await flush()
            try await importer.follower?.catchUp()
            return report
        }

        private mutating func flush() async throws {
            guard !pending.isEmpty else { return }
            report.stored = report.stored + (try await importer.repository.upsert(pending))
            pending.removeAll(keepingCapacity: true)
            pendingIDs.removeAll(keepingCapacity: true)
        }

        private static func message(_ error: DomainError) -> String {
            if case .invalid(let message, _) = error { return message }
            return "\(error)"
        }

        private static func fields(_ error: DomainError) -> [FieldError] {
            if case .invalid(_, let fields) = error { return fields }
            return []
        }
    }

    public func start() -> Session {
        Session(importer: self)
    }
}
