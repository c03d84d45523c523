import Domain
import Foundation
import JobPostings

/// The postings a user keeps to come back to.
public struct SavedJobService: Sendable {
    public static let maximumListed = 200
    let saved: any SavedJobRepository
    let postings: any JobPostingRepository
    let clock: any WallClock

    public init(saved: any SavedJobRepository, postings: any JobPostingRepository, clock: any WallClock) {
        self.saved = saved
        self.postings = postings
        self.clock = clock
    }

    /// Saves a posting that exists (404 otherwise).
    public func save(actor: Actor, jobID: String) async throws {
        guard try await postings.find(jobID: jobID) != nil else { throw DomainError.notFound("There is no job posting \(jobID).") }
        try await saved.save(jobID: jobID, userID: actor.userID, at: clock.now())
    }

    public func remove(actor: Actor, jobID: String) async throws {
        guard try await saved.remove(jobID: jobID, userID: actor.userID) else { throw DomainError.notFound("Job \(jobID) is not saved.") }
    }

    public func isSaved(actor: Actor, jobID: String) async throws -> Bool {
        try await saved.isSaved(jobID: jobID, userID: actor.userID)
    }

    /// Saved postings, newest save first, with their current state (closed ones included, so a user sees they went).
    public func list(actor: Actor) async throws -> [(posting: JobPosting, savedAt: Date)] {
        var result: [(posting: JobPosting, savedAt: Date)] = []
        for entry in try await saved.savedJobs(userID: actor.userID, limit: Self.maximumListed) {
            if let stored = try await postings.find(jobID: entry.jobID) { result.append((stored.posting, entry.savedAt)) }
        }
        return result
    }
}
