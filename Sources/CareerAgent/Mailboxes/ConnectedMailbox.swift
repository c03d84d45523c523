import Foundation

/// An IMAP folder the user connected: read on a schedule, only messages not read before.
public struct ConnectedMailbox: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable { case tls, starttls, plain }

    public var id: String
    public var userID: String
    public var host: String
    public var port: Int
    public var security: Security
    public var username: String
    /// The password, sealed with the server's secret key; never returned.
    public var sealedPassword: String
    public var folder: String
    /// Where the last sync stopped: the folder's UIDVALIDITY and the highest UID read.
    public var uidValidity: UInt32?
    public var lastUID: UInt32?
    public var lastSyncAt: Date?
    public var lastError: String?
    public var messagesRead: Int
    public var createdAt: Date

    public init(id: String, userID: String, host: String, port: Int, security: Security, username: String, sealedPassword: String,
                folder: String, uidValidity: UInt32?, lastUID: UInt32?, lastSyncAt: Date?, lastError: String?, messagesRead: Int,
                createdAt: Date) {
        self.id = id
        self.userID = userID
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.sealedPassword = sealedPassword
        self.folder = folder
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.lastSyncAt = lastSyncAt
        self.lastError = lastError
        self.messagesRead = messagesRead
        self.createdAt = createdAt
    }
}

public protocol MailboxRepository: Sendable {
    func insert(_ mailbox: ConnectedMailbox) async throws
    func mailbox(id: String, owner: String) async throws -> ConnectedMailbox?
    func mailboxes(owner: String) async throws -> [ConnectedMailbox]
    /// Every user's, for the scheduled sync.
    func allMailboxes() async throws -> [ConnectedMailbox]
    func delete(id: String, owner: String) async throws -> Bool
    /// Records a sync: where it stopped (unchanged on failure), when, its error, how many messages it read.
    func recordSync(id: String, uidValidity: UInt32?, lastUID: UInt32?, at: Date, error: String?, messagesRead: Int) async throws
}

/// What connecting and reading a mailbox needs from an IMAP client.
public protocol MailboxConnector: Sendable {
    /// Signs in and opens the folder; throws `MailboxConnectionError` with the reason otherwise.
    func verify(_ mailbox: ConnectedMailbox, password: String) async throws
    /// Hands the messages after `uidValidity`/`lastUID` to `receive` in batches; returns where it stopped.
    func fetchNew(_ mailbox: ConnectedMailbox, password: String,
                  receive: @escaping @Sendable ([Data]) async throws -> Void) async throws -> (uidValidity: UInt32, lastUID: UInt32)
}

/// Why a mailbox could not be read, in words a user can act on.
public enum MailboxConnectionError: Error, Sendable, Equatable {
    case unreachable(String)
    case rejectedCredentials(String)
    case folderNotFound(String)
    case insecure(String)
    case failed(String)

    public var field: String {
        switch self {
        case .unreachable: "host"
        case .rejectedCredentials: "password"
        case .folderNotFound: "folder"
        case .insecure: "security"
        case .failed: "host"
        }
    }

    public var message: String {
        switch self {
        case .unreachable(let detail): "cannot be reached: \(detail)"
        case .rejectedCredentials(let detail): "was not accepted by the server: \(detail)"
        case .folderNotFound(let detail): "does not exist on the server: \(detail)"
        case .insecure(let detail): "failed: \(detail)"
        case .failed(let detail): "answered with an error: \(detail)"
        }
    }
}
