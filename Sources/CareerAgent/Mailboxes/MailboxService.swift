import Domain
import Foundation
import Platform

/// Connected mailboxes: checked when connected (a wrong password is the user's to fix, so it is a
/// 422 naming the field), the password sealed at rest, and read on a schedule from where the last
/// read stopped. Only job-search messages are kept; a mailbox's other mail is counted, not stored.
public struct MailboxService: Sendable {
    private let repository: any MailboxRepository
    private let inbox: EmailTriageService
    private let secretBox: SecretBox
    private let connector: any MailboxConnector
    private let clock: any WallClock

    public init(repository: any MailboxRepository, inbox: EmailTriageService, secretBox: SecretBox, connector: any MailboxConnector,
                clock: any WallClock) {
        self.repository = repository
        self.inbox = inbox
        self.secretBox = secretBox
        self.connector = connector
        self.clock = clock
    }

    public struct Connection: Sendable {
        public var host: String
        public var port: Int?
        public var security: ConnectedMailbox.Security
        public var username: String
        public var password: String
        public var folder: String

        public init(host: String, port: Int?, security: ConnectedMailbox.Security, username: String, password: String, folder: String) {
            self.host = host
            self.port = port
            self.security = security
            self.username = username
            self.password = password
            self.folder = folder
        }
    }

    public func connect(actor: Actor, _ connection: Connection) async throws -> ConnectedMailbox {
        let port = connection.port ?? (connection.security == .tls ? 993 : 143)
        let mailbox = ConnectedMailbox(
            id: UUID().uuidString.lowercased(), userID: actor.userID, host: connection.host, port: port, security: connection.security,
            username: connection.username, sealedPassword: try secretBox.seal(Data(connection.password.utf8)), folder: connection.folder,
            uidValidity: nil, lastUID: nil, lastSyncAt: nil, lastError: nil, messagesRead: 0, createdAt: clock.now()
        )
        do {
            try await connector.verify(mailbox, password: connection.password)
        } catch let error as MailboxConnectionError {
            throw DomainError.badRequest("The mailbox could not be opened.", fieldErrors: [FieldError(field: error.field, message: error.message)])
        }
        try await repository.insert(mailbox)
        return mailbox
    }

    public func list(actor: Actor) async throws -> [ConnectedMailbox] {
        try await repository.mailboxes(owner: actor.userID)
    }

    public func mailbox(actor: Actor, id: String) async throws -> ConnectedMailbox {
        guard let mailbox = try await repository.mailbox(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        return mailbox
    }

    public func disconnect(actor: Actor, id: String) async throws {
        guard try await repository.delete(id: id, owner: actor.userID) else { throw Self.notFound(id) }
    }

    public struct SyncResult: Sendable, Equatable {
        public var read: Int
        public var kept: Int
        public var error: String?
    }

    /// Reads the mailbox's new messages; a failure is recorded on the mailbox (and returned), and the
    /// next sync starts where the last good one stopped. Keeping a message twice is harmless: a
    /// message is stored once per Message-ID.
    public func sync(actor: Actor, id: String) async throws -> SyncResult {
        try await sync(try await mailbox(actor: actor, id: id))
    }

    public func syncAll() async throws -> [String: SyncResult] {
        var results: [String: SyncResult] = [:]
        for mailbox in try await repository.allMailboxes() { results[mailbox.id] = try await sync(mailbox) }
        return results
    }

    private func sync(_ mailbox: ConnectedMailbox) async throws -> SyncResult {
        let actor = Actor(userID: mailbox.userID, groups: [])
        let counter = Counter()
        let inbox = self.inbox
        do {
            let password = String(decoding: try secretBox.open(mailbox.sealedPassword), as: UTF8.self)
            let stopped = try await connector.fetchNew(mailbox, password: password) { batch in
                for raw in batch {
                    guard let mail = try? MailParser.parse(raw) else { await counter.add(read: 1, kept: 0); continue }
                    // Mail that is not about a job search stays in the mailbox only.
                    let analysis = EmailTriage().analyze(mail)
                    guard analysis.category.value != .other else { await counter.add(read: 1, kept: 0); continue }
                    _ = try await inbox.receive(actor: actor, mail: mail, raw: raw, source: .mailbox, mailboxID: mailbox.id, analysis: analysis)
                    await counter.add(read: 1, kept: 1)
                }
            }
            let (read, kept) = await counter.totals
            try await repository.recordSync(id: mailbox.id, uidValidity: stopped.uidValidity, lastUID: stopped.lastUID, at: clock.now(),
                                            error: nil, messagesRead: mailbox.messagesRead + read)
            return SyncResult(read: read, kept: kept, error: nil)
        } catch {
            let (read, kept) = await counter.totals
            let reason = (error as? MailboxConnectionError)?.message ?? String(describing: error)
            try await repository.recordSync(id: mailbox.id, uidValidity: mailbox.uidValidity, lastUID: mailbox.lastUID, at: clock.now(),
                                            error: reason, messagesRead: mailbox.messagesRead + read)
            return SyncResult(read: read, kept: kept, error: reason)
        }
    }

    private actor Counter {
        var read = 0, kept = 0
        func add(read: Int, kept: Int) { self.read += read; self.kept += kept }
        var totals: (Int, Int) { (read, kept) }
    }

    static func notFound(_ id: String) -> DomainError { .notFound("No mailbox has the id '\(id)'.") }
}
