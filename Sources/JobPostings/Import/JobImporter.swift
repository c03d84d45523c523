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
        batchSize: Int = 5_000
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

    /// A feed record after validation: the posting to store, or why the record was left out.
    public enum Prepared: Sendable {
        case posting(JobPosting)
        case failure(Failure)
    }

    /// Validates and normalizes records. Pure, so callers may run it on several threads at once and
    /// hand the results to `Session.add(prepared:)` in feed order.
    public static func prepare(_ records: [JobFeedRecord], updatedAt now: Date) -> [Prepared] {
        records.map { record in
            switch record.draft.flatMap({ draft in
                draft.normalize(updatedAt: now).mapError { JobFeedError(Session.message($0), fieldErrors: Session.fields($0)) }
            }) {
            case .success(let posting): .posting(posting)
            case .failure(let error): .failure(Failure(position: record.position, message: error.summary))
            }
        }
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
        private var writer: OverlappingWriter
        public private(set) var report = Report()

        fileprivate init(importer: JobImporter) {
            self.importer = importer
            writer = OverlappingWriter(repository: importer.repository)
        }

        public mutating func add(_ records: [JobFeedRecord]) async throws {
            try await add(prepared: JobImporter.prepare(records, updatedAt: importer.clock.now()))
        }

        /// Adds records validated by `JobImporter.prepare`, in feed order.
        public mutating func add(prepared records: [Prepared]) async throws {
            for record in records {
                report.read += 1
                switch record {
                case .posting(let posting):
                    // A second copy of an id inside one batch would be two writes of one row; keep the last.
                    if pendingIDs.contains(posting.jobID) { try await flush() }
                    pending.append(posting)
                    pendingIDs.insert(posting.jobID)
                    if pending.count >= importer.batchSize { try await flush() }
                case .failure(let failure):
                    report.failures.append(failure)
                }
            }
        }

        public mutating func finish() async throws -> Report {
            try await flush()
            report.stored = try await writer.finish()
            try await importer.follower?.catchUp()
            return report
        }

        /// Hands what was added so far to the repository as one write transaction (`add` also does when a
        /// batch is full). The batch is prepared at once, while the previous one may still be being written,
        /// and may itself still be being written when this returns (see `OverlappingWriter`).
        public mutating func flush() async throws {
            guard !pending.isEmpty else { return }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            pendingIDs.removeAll(keepingCapacity: true)
            try await writer.write(batch)
            report.stored = writer.stored
        }

        fileprivate static func message(_ error: DomainError) -> String {
            if case .invalid(let message, _) = error { return message }
            return "\(error)"
        }

        fileprivate static func fields(_ error: DomainError) -> [FieldError] {
            if case .invalid(_, let fields) = error { return fields }
            return []
        }
    }

    public func start() -> Session {
        Session(importer: self)
    }
}
