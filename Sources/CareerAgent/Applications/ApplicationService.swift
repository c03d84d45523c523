import Domain
import Foundation
import JobPostings

/// The application tracker: a posting or an outside role, its status with a timeline, notes, contacts and a next action.
public struct ApplicationService: Sendable {
    private let repository: any ApplicationRepository
    private let jobs: JobSearchService
    private let clock: any WallClock

    public init(repository: any ApplicationRepository, jobs: JobSearchService, clock: any WallClock) {
        self.repository = repository
        self.jobs = jobs
        self.clock = clock
    }

    /// What a client may set; nil leaves a field as it is (on create: its default).
    public struct Changes: Sendable {
        public var jobID: String?
        public var company: String?
        public var title: String?
        public var url: String??
        public var status: ApplicationStatus?
        public var notes: String?
        public var contacts: [ApplicationContact]?
        public var nextAction: String??
        public var nextActionDate: Date??

        public init() {}
    }

    public func create(actor: Actor, _ changes: Changes, source: ApplicationEvent.Source = .user) async throws -> JobApplication {
        var company = changes.company, title = changes.title, url = changes.url ?? nil
        if let jobID = changes.jobID {
            let posting = try await jobs.posting(jobID: jobID)
            company = company ?? posting.company
            title = title ?? posting.title
            url = url ?? posting.applyURL
        }
        var errors: [FieldError] = []
        if company?.trimmingCharacters(in: .whitespaces).isEmpty ?? true { errors.append(FieldError(field: "company", message: "is required without a job_id")) }
        if title?.trimmingCharacters(in: .whitespaces).isEmpty ?? true { errors.append(FieldError(field: "title", message: "is required without a job_id")) }
        guard errors.isEmpty else { throw DomainError.badRequest("Say which role this is.", fieldErrors: errors) }
        let now = clock.now()
        let application = JobApplication(
            id: UUID().uuidString.lowercased(), userID: actor.userID, jobID: changes.jobID, company: company!, title: title!, url: url,
            status: changes.status ?? .saved, notes: changes.notes ?? "", contacts: changes.contacts ?? [],
            nextAction: changes.nextAction ?? nil, nextActionDate: changes.nextActionDate ?? nil, createdAt: now, updatedAt: now
        )
        try await repository.insert(application, event: ApplicationEvent(applicationID: application.id, at: now, from: nil,
                                                                          to: application.status, source: source))
        return application
    }

    public func list(actor: Actor, status: ApplicationStatus? = nil) async throws -> [JobApplication] {
        try await repository.applications(owner: actor.userID, status: status)
    }

    public func application(actor: Actor, id: String) async throws -> (application: JobApplication, timeline: [ApplicationEvent]) {
        guard let application = try await repository.application(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        return (application, try await repository.events(applicationID: id, owner: actor.userID))
    }

    /// Applies changes; a new status adds a timeline event from `source`.
    public func update(actor: Actor, id: String, _ changes: Changes, source: ApplicationEvent.Source = .user) async throws -> JobApplication {
        guard var application = try await repository.application(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        let previous = application.status
        if let company = changes.company { application.company = company }
        if let title = changes.title { application.title = title }
        if let url = changes.url { application.url = url }
        if let status = changes.status { application.status = status }
        if let notes = changes.notes { application.notes = notes }
        if let contacts = changes.contacts { application.contacts = contacts }
        if let action = changes.nextAction { application.nextAction = action }
        if let date = changes.nextActionDate { application.nextActionDate = date }
        let now = clock.now()
        application.updatedAt = now
        let event = application.status == previous ? nil
            : ApplicationEvent(applicationID: id, at: now, from: previous, to: application.status, source: source)
        guard try await repository.update(application, event: event) else { throw Self.notFound(id) }
        return application
    }

    public func delete(actor: Actor, id: String) async throws {
        guard try await repository.delete(id: id, owner: actor.userID) else { throw Self.notFound(id) }
    }

    public func statistics(actor: Actor) async throws -> ApplicationStatistics {
        ApplicationStatistics.of(try await repository.applications(owner: actor.userID, status: nil),
                                 events: try await repository.events(owner: actor.userID), now: clock.now())
    }

    static func notFound(_ id: String) -> DomainError { .notFound("No application has the id '\(id)'.") }
}
