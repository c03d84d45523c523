import Foundation

/// How a message reached Wayfinder.
public enum EmailSource: String, Sendable, Codable { case api, upload, mailbox }

/// Where a message stands: its proposal waits for the user, was applied, or was set aside.
public enum EmailState: String, Sendable, Codable, CaseIterable {
    case pending, confirmed, dismissed
    /// Nothing to do: the message changes no application.
    case noAction = "no_action"
}

/// What confirming a message would do: which application (an existing one, or a new one for the
/// employer and role the message names), the status it moves to, and whether an interview lands in
/// the calendar.
public struct ProposedAction: Sendable, Equatable, Codable {
    public var applicationID: String?
    /// Set when no application matches: confirming creates this one.
    public var newApplication: NewApplication?
    public var fromStatus: ApplicationStatus?
    public var toStatus: ApplicationStatus?
    public var addsInterview: Bool
    /// Why this application was chosen, in words.
    public var reason: String

    public struct NewApplication: Sendable, Equatable, Codable {
        public var company: String
        public var title: String

        public init(company: String, title: String) {
            self.company = company
            self.title = title
        }
    }

    public init(applicationID: String?, newApplication: NewApplication?, fromStatus: ApplicationStatus?, toStatus: ApplicationStatus?,
                addsInterview: Bool, reason: String) {
        self.applicationID = applicationID
        self.newApplication = newApplication
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.addsInterview = addsInterview
        self.reason = reason
    }
}

/// A message read for a user: its headers, the start of its text, what triage read and proposes.
public struct TriagedEmail: Sendable, Equatable {
    public var id: String
    public var userID: String
    /// The Message-ID header, or a digest of the raw bytes when a message has none: a message is kept once.
    public var messageKey: String
    public var source: EmailSource
    public var mailboxID: String?
    public var fromAddress: String?
    public var fromName: String?
    public var subject: String
    public var sentAt: Date?
    public var receivedAt: Date
    /// The start of the text the sender wrote, for the inbox page.
    public var excerpt: String
    public var analysis: EmailAnalysis
    public var proposal: ProposedAction?
    public var state: EmailState
    /// The application the message was applied to, once confirmed.
    public var applicationID: String?
    public var decidedAt: Date?

    public init(id: String, userID: String, messageKey: String, source: EmailSource, mailboxID: String?, fromAddress: String?,
                fromName: String?, subject: String, sentAt: Date?, receivedAt: Date, excerpt: String, analysis: EmailAnalysis,
                proposal: ProposedAction?, state: EmailState, applicationID: String?, decidedAt: Date?) {
        self.id = id
        self.userID = userID
        self.messageKey = messageKey
        self.source = source
        self.mailboxID = mailboxID
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.subject = subject
        self.sentAt = sentAt
        self.receivedAt = receivedAt
        self.excerpt = excerpt
        self.analysis = analysis
        self.proposal = proposal
        self.state = state
        self.applicationID = applicationID
        self.decidedAt = decidedAt
    }
}

/// Where triaged messages are kept; every method takes the owner.
public protocol EmailRepository: Sendable {
    /// Stores a message unless the owner already has one with its key; returns the stored one.
    func insertOnce(_ email: TriagedEmail) async throws -> (email: TriagedEmail, inserted: Bool)
    func email(id: String, owner: String) async throws -> TriagedEmail?
    /// Newest first.
    func emails(owner: String, state: EmailState?, limit: Int) async throws -> [TriagedEmail]
    /// Stores a decision; false when it is not the owner's.
    func update(_ email: TriagedEmail) async throws -> Bool
}
