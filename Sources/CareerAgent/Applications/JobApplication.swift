import Foundation

/// Where an application stands.
public enum ApplicationStatus: String, Sendable, CaseIterable, Codable {
    case saved, applied, assessment, interview, offer, accepted, rejected, withdrawn

    /// Every status by name, for the message that lists what a form or body may say.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The employer answered: anything past "applied" except the seeker's own withdrawal.
    var isResponse: Bool { ![.saved, .applied, .withdrawn].contains(self) }
}

/// A role the seeker pursues: a posting on Wayfinder (`jobID`) or one found elsewhere.
public struct JobApplication: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var jobID: String?
    public var company: String
    public var title: String
    public var url: String?
    public var status: ApplicationStatus
    public var notes: String
    public var contacts: [ApplicationContact]
    public var nextAction: String?
    public var nextActionDate: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, userID: String, jobID: String?, company: String, title: String, url: String?, status: ApplicationStatus,
                notes: String, contacts: [ApplicationContact], nextAction: String?, nextActionDate: Date?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.userID = userID
        self.jobID = jobID
        self.company = company
        self.title = title
        self.url = url
        self.status = status
        self.notes = notes
        self.contacts = contacts
        self.nextAction = nextAction
        self.nextActionDate = nextActionDate
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public struct ApplicationContact: Sendable, Equatable, Codable {
    public var name: String
    public var email: String?
    public var role: String?

    public init(name: String, email: String?, role: String?) {
        self.name = name
        self.email = email
        self.role = role
    }
}

/// One entry of an application's timeline: it was created, or its status changed, by the user or from an email.
public struct ApplicationEvent: Sendable, Equatable {
    public enum Source: String, Sendable { case user, email }

    public var applicationID: String
    public var at: Date
    public var from: ApplicationStatus?
    public var to: ApplicationStatus
    public var source: Source

    public init(applicationID: String, at: Date, from: ApplicationStatus?, to: ApplicationStatus, source: Source) {
        self.applicationID = applicationID
        self.at = at
        self.from = from
        self.to = to
        self.source = source
    }
}

/// Where applications and their timelines are kept; every method takes the owner.
public protocol ApplicationRepository: Sendable {
    func insert(_ application: JobApplication, event: ApplicationEvent) async throws
    func application(id: String, owner: String) async throws -> JobApplication?
    /// Newest first, optionally of one status.
    func applications(owner: String, status: ApplicationStatus?) async throws -> [JobApplication]
    /// Stores the new state, with a timeline event when the status changed; false when it is not the owner's.
    func update(_ application: JobApplication, event: ApplicationEvent?) async throws -> Bool
    func delete(id: String, owner: String) async throws -> Bool
    /// Oldest first.
    func events(applicationID: String, owner: String) async throws -> [ApplicationEvent]
    /// Every event of the owner's applications, for statistics.
    func events(owner: String) async throws -> [ApplicationEvent]
    /// Applications of every user whose next-action date has come and not been reminded of yet.
    func dueReminders(at now: Date, limit: Int) async throws -> [JobApplication]
    /// Records that the reminder for this next-action date went out; a new date is reminded of again.
    func markReminded(id: String, for date: Date) async throws
}
