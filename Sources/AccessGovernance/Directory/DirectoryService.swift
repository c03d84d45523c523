import Domain
import Foundation
import Synchronization

/// The directory: import and export as one document, edits by admins, and the snapshot every
/// request is read against (rebuilt only when the stored revision moves).
public final class DirectoryService: Sendable {
    private let repository: any AccessDirectoryRepository
    private let clock: any WallClock
    private let cached = Mutex<DirectorySnapshot?>(nil)
    /// Called after every change with the policies, so the knowledge index follows.
    private let onChange: @Sendable (DirectoryDocument) async -> Void

    public init(repository: any AccessDirectoryRepository, clock: any WallClock,
                onChange: @escaping @Sendable (DirectoryDocument) async -> Void = { _ in }) {
        self.repository = repository
        self.clock = clock
        self.onChange = onChange
    }

    /// The current directory, from the cache while the stored revision has not moved.
    public func snapshot() async throws -> DirectorySnapshot {
        let revision = try await repository.revision()
        if let snapshot = cached.withLock({ $0 }), snapshot.revision == revision { return snapshot }
        let (document, loadedRevision) = try await repository.load()
        let snapshot = DirectorySnapshot(document, revision: loadedRevision, now: clock.now())
        let previous = cached.withLock { current -> DirectorySnapshot? in
            defer { if current.map({ $0.revision < loadedRevision }) ?? true { current = snapshot } }
            return current
        }
        // Grants move the revision too; the knowledge only needs the policies again when they changed.
        if previous?.document.policies != document.policies { await onChange(document) }
        return snapshot
    }

    /// Replaces the directory with `document` (grants given by requests stay) and says what changed.
    /// A document with problems changes nothing and names every problem.
    public func importDocument(_ document: DirectoryDocument) async throws -> DirectoryChanges {
        try await write { _ in document }
    }

    /// Applies `edit` to the current document and stores it, with the same checks as an import.
    @discardableResult
    public func edit(_ edit: @Sendable (inout DirectoryDocument) throws -> Void) async throws -> DirectoryChanges {
        try await write { current in
            var document = current
            try edit(&document)
            return document
        }
    }

    private func write(_ make: @Sendable (DirectoryDocument) throws -> DirectoryDocument) async throws -> DirectoryChanges {
        for _ in 0..<5 {
            let (stored, revision) = try await repository.load()
            let current = Self.withoutGrants(stored)
            let document = try make(current)
            let (errors, warnings) = DirectoryValidation.problems(in: document)
            guard errors.isEmpty else { throw DomainError.invalid("The directory has \(errors.count) problem(s).", fieldErrors: errors) }
            var changes = DirectoryChanges(from: current, to: document)
            changes.warnings = warnings.map { "\($0.field): \($0.message)" }
            if changes.isEmpty { return changes }
            if try await repository.replace(with: document, expectedRevision: revision) != nil {
                _ = try await snapshot()
                return changes
            }
        }
        throw DomainError.conflict("The directory kept changing while this change was written; try again.")
    }

    /// The document as imported: the roles granted by requests are listed with their end, and are not the import's.
    static func withoutGrants(_ document: DirectoryDocument) -> DirectoryDocument {
        var copy = document
        copy.userRoles = document.userRoles.filter { $0.expiresAt == nil && !$0.isGrant }
        return copy
    }

    /// The whole directory as one document, grants included.
    public func export() async throws -> DirectoryDocument { try await repository.load().document }
}
