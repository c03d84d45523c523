import Crypto
import Domain
import Foundation
import Platform

/// Job-search mail in: a message is parsed, read by `EmailTriage`, matched to an application and
/// kept with a proposal. Nothing changes until the user confirms; confirming moves the application
/// (creating it when needed) and puts an interview in the calendar.
public struct EmailTriageService: Sendable {
    private let emails: any EmailRepository
    private let applications: ApplicationService
    private let interviews: any InterviewRepository
    private let triage: EmailTriage
    private let clock: any WallClock
    /// The largest message accepted: attachments included, as mail servers commonly allow.
    public static let maximumMessageBytes = 25 * 1024 * 1024

    public init(emails: any EmailRepository, applications: ApplicationService, interviews: any InterviewRepository,
                triage: EmailTriage = EmailTriage(), clock: any WallClock) {
        self.emails = emails
        self.applications = applications
        self.interviews = interviews
        self.triage = triage
        self.clock = clock
    }

    /// Reads and keeps one raw RFC 5322 message; the same message twice is kept once (`inserted` false).
    public func receive(actor: Actor, raw: Data, source: EmailSource, mailboxID: String? = nil) async throws -> (email: TriagedEmail, inserted: Bool) {
        guard raw.count <= Self.maximumMessageBytes else { throw DomainError.tooLarge("A message may be at most 25 MB.") }
        let mail: ReceivedMail
        do {
            mail = try MailParser.parse(raw)
        } catch {
            throw DomainError.badRequest("This is not an email message.", fieldErrors: [FieldError(field: "message", message: "is not an RFC 5322 message")])
        }
        return try await receive(actor: actor, mail: mail, raw: raw, source: source, mailboxID: mailboxID)
    }

    /// `analysis`: when the caller already read the message (a mailbox sync filters on it).
    public func receive(actor: Actor, mail: ReceivedMail, raw: Data, source: EmailSource, mailboxID: String?,
                        analysis known: EmailAnalysis? = nil) async throws -> (email: TriagedEmail, inserted: Bool) {
        // Read once: the analysis and the excerpt come from the same decoded message.
        let message = TriageMessage(mail: mail)
        let analysis = known ?? triage.analyze(message)
        let proposal = ApplicationMatcher().propose(analysis, applications: try await applications.list(actor: actor))
        let key = mail.messageID.map { "<\($0.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")))>" }
            ?? "sha256:" + SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined()
        let email = TriagedEmail(
            id: UUID().uuidString.lowercased(), userID: actor.userID, messageKey: key, source: source, mailboxID: mailboxID,
            fromAddress: mail.from?.address, fromName: mail.from?.name, subject: mail.subject, sentAt: mail.date, receivedAt: clock.now(),
            excerpt: String(message.body.prefix(2000)), analysis: analysis, proposal: proposal,
            state: Self.hasEffect(proposal) ? .pending : .noAction, applicationID: nil, decidedAt: nil
        )
        return try await emails.insertOnce(email)
    }

    /// Every message of an mbox file, in order; one that cannot be read is counted, not fatal.
    public func receiveArchive(actor: Actor, mbox: Data, source: EmailSource) async throws -> (emails: [TriagedEmail], unreadable: Int) {
        var received: [TriagedEmail] = [], unreadable = 0
        for raw in MailboxArchive.messages(in: mbox) {
            do {
                received.append(try await receive(actor: actor, raw: raw, source: source).email)
            } catch let error as DomainError {
                if case .badRequest = error { unreadable += 1 } else { throw error }
            }
        }
        return (received, unreadable)
    }

    public func list(actor: Actor, state: EmailState? = nil, limit: Int = 100) async throws -> [TriagedEmail] {
        try await emails.emails(owner: actor.userID, state: state, limit: limit)
    }

    public func email(actor: Actor, id: String) async throws -> TriagedEmail {
        guard let email = try await emails.email(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        return email
    }

    /// What the user may change while confirming: another application, or another status.
    public struct Confirmation: Sendable {
        public var applicationID: String?
        public var status: ApplicationStatus?
        public init(applicationID: String? = nil, status: ApplicationStatus? = nil) {
            self.applicationID = applicationID
            self.status = status
        }
    }

    /// Applies the proposal (with the user's changes); confirming twice changes nothing more.
    public func confirm(actor: Actor, id: String, _ confirmation: Confirmation = Confirmation()) async throws -> (email: TriagedEmail, interview: ScheduledInterview?) {
        var email = try await self.email(actor: actor, id: id)
        if email.state == .confirmed { return (email, nil) }
        guard email.state != .dismissed else { throw DomainError.conflict("This message was dismissed; it cannot be confirmed.") }
        let proposal = email.proposal
        var application: JobApplication
        if let chosen = confirmation.applicationID ?? proposal?.applicationID {
            do {
                application = try await applications.application(actor: actor, id: chosen).application
            } catch DomainError.notFound(_) {
                throw DomainError.badRequest("Choose one of your applications.", fieldErrors: [FieldError(field: "application_id", message: "is not one of your applications")])
            }
        } else if let new = proposal?.newApplication {
            var changes = ApplicationService.Changes()
            changes.company = new.company
            changes.title = new.title
            changes.status = confirmation.status ?? proposal?.toStatus ?? .saved
            application = try await applications.create(actor: actor, changes, source: .email)
        } else {
            throw DomainError.badRequest("This message is about no application; say which one.",
                                         fieldErrors: [FieldError(field: "application_id", message: "is required for this message")])
        }
        if let status = confirmation.status ?? proposal?.toStatus, status != application.status {
            var changes = ApplicationService.Changes()
            changes.status = status
            application = try await applications.update(actor: actor, id: application.id, changes, source: .email)
        }
        var interview: ScheduledInterview?
        if let details = email.analysis.interview, let start = details.startInstant, let text = details.start {
            interview = try await schedule(details, start: start, startText: text, application: application, email: email)
        }
        email.state = .confirmed
        email.applicationID = application.id
        email.decidedAt = clock.now()
        guard try await emails.update(email) else { throw Self.notFound(id) }
        return (email, interview)
    }

    public func dismiss(actor: Actor, id: String) async throws -> TriagedEmail {
        var email = try await self.email(actor: actor, id: id)
        guard email.state != .confirmed else { throw DomainError.conflict("This message was confirmed; it cannot be dismissed.") }
        email.state = .dismissed
        email.decidedAt = clock.now()
        guard try await emails.update(email) else { throw Self.notFound(id) }
        return email
    }

    /// A new interview, or the same one moved: an invitation's UID, or for a reschedule without one,
    /// the application's next scheduled interview.
    private func schedule(_ details: InterviewDetails, start: Date, startText: String, application: JobApplication,
                          email: TriagedEmail) async throws -> ScheduledInterview {
        let now = clock.now()
        var existing: ScheduledInterview?
        if let uid = details.calendarUID { existing = try await interviews.interview(calendarUID: uid, owner: email.userID) }
        if existing == nil, email.analysis.category.value == .interviewReschedule {
            existing = try await interviews.interviews(owner: email.userID)
                .filter { $0.applicationID == application.id && $0.status == .scheduled }.last
        }
        if var interview = existing {
            if let sequence = details.calendarSequence, sequence < interview.sequence { return interview }
            interview.start = start
            interview.startText = startText
            interview.timeZone = details.timeZone
            interview.durationMinutes = details.durationMinutes ?? interview.durationMinutes
            interview.locationOrLink = details.locationOrLink ?? interview.locationOrLink
            interview.locationType = details.locationType ?? interview.locationType
            interview.sequence = max(interview.sequence + 1, details.calendarSequence ?? 0)
            interview.emailID = email.id
            interview.status = .scheduled
            interview.updatedAt = now
            try await interviews.save(interview)
            return interview
        }
        let id = UUID().uuidString.lowercased()
        let interview = ScheduledInterview(
            id: id, userID: email.userID, applicationID: application.id, emailID: email.id, company: application.company,
            title: application.title, start: start, startText: startText, timeZone: details.timeZone,
            durationMinutes: details.durationMinutes ?? 60, locationOrLink: details.locationOrLink, locationType: details.locationType,
            status: .scheduled, calendarUID: details.calendarUID ?? "\(id)@wayfinder", sequence: details.calendarSequence ?? 0,
            createdAt: now, updatedAt: now
        )
        try await interviews.save(interview)
        return interview
    }

    private static func hasEffect(_ proposal: ProposedAction?) -> Bool {
        guard let proposal else { return false }
        return proposal.toStatus != nil || proposal.addsInterview || proposal.newApplication != nil
    }

    static func notFound(_ id: String) -> DomainError { .notFound("No message has the id '\(id)'.") }
}
