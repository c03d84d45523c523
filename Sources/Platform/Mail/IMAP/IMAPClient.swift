import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Reads a user's mailbox folder over IMAP, one connection per call, and hands over only the messages
/// that arrived since the last read.
///
/// It never changes the mailbox: the folder is opened read-only and messages are fetched without
/// setting `\Seen`. Progress is an `IMAPMailboxState` the caller keeps; the client itself holds nothing
/// between calls, so any number of mailboxes can be read from one process.
public struct IMAPClient: Sendable {
    public let configuration: IMAPConfiguration
    private let logger: Logger
    private let group: any EventLoopGroup

    public init(configuration: IMAPConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        group = MultiThreadedEventLoopGroup.singleton
    }

    /// Logs in and selects the folder; returns its UIDVALIDITY and the number of messages. Used to
    /// check a mailbox when a user connects it.
    public func verify() async throws -> (uidValidity: UInt32, messageCount: Int) {
        try await withSession { session in
            let folder = try await session.examine()
            return (folder.uidValidity, folder.messageCount)
        }
    }

    /// Fetches the messages newer than `state` (all of them when state is nil or UIDVALIDITY changed),
    /// in UID order, in batches of `batchSize`, handing each batch to `receive` before fetching the
    /// next (so memory stays flat for a 10,000-message mailbox). Returns the new state (lastUID =
    /// highest UID handed over). If `receive` throws, stop and rethrow; the returned/persisted state
    /// must never skip a message not handed over.
    ///
    /// When this throws, the caller's old state still holds: the next call hands over the same
    /// messages again. To keep what a long run achieved before a failure, use
    /// `fetchNew(after:batchSize:receiveWithState:)` and store each batch's state with the batch.
    public func fetchNew(after state: IMAPMailboxState?, batchSize: Int = 100,
                         receive: @Sendable ([IMAPFetchedMessage]) async throws -> Void) async throws -> IMAPMailboxState {
        try await fetchNew(after: state, batchSize: batchSize) { batch, _ in try await receive(batch) }
    }

    /// The same as `fetchNew(after:batchSize:receive:)`, and `receiveWithState` is given with each
    /// batch the state that covers it and everything before: stored together with the batch (in one
    /// transaction), it lets a run that fails later go on after the last batch kept, skipping nothing.
    public func fetchNew(after state: IMAPMailboxState?, batchSize: Int = 100,
                         receiveWithState: @Sendable ([IMAPFetchedMessage], IMAPMailboxState) async throws -> Void) async throws -> IMAPMailboxState {
        let batchSize = max(1, batchSize)
        return try await withSession { session in
            let folder = try await session.examine()
            var progress = IMAPMailboxState(uidValidity: folder.uidValidity, lastUID: 0)
            if let state, state.uidValidity == folder.uidValidity {
                progress.lastUID = state.lastUID
            } else if let state {
                logger.info("the IMAP folder's UIDVALIDITY changed; reading all of it again", metadata: [
                    "folder": "\(configuration.folder)", "old": "\(state.uidValidity)", "new": "\(folder.uidValidity)",
                ])
            }
            guard folder.messageCount > 0, progress.lastUID < UInt32.max else { return progress }
            let first = progress.lastUID + 1
            if let uidNext = folder.uidNext, first >= uidNext { return progress }
            let uids = try await session.uids(from: first)
            logger.debug("new IMAP messages", metadata: ["folder": "\(configuration.folder)", "count": "\(uids.count)"])
            var start = 0
            while start < uids.count {
                let end = min(start + batchSize, uids.count)
                let messages = try await session.fetch(Array(uids[start..<end]))
                start = end
                // Only what is handed over moves the state on; a message deleted since the search
                // just leaves it where it was.
                guard let last = messages.last else { continue }
                let next = IMAPMailboxState(uidValidity: folder.uidValidity, lastUID: last.uid)
                try await receiveWithState(messages, next)
                progress = next
            }
            return progress
        }
    }

    /// Connects, opens the session, runs `body`, and logs out; the connection is closed however it ends.
    private func withSession<Result>(_ body: (inout IMAPSession) async throws -> Result) async throws -> Result {
        guard configuration.security != .plain || Self.isLoopback(configuration.host) else {
            throw IMAPError.tls("an unencrypted connection is only allowed to this machine (a test server), not to \(configuration.host)")
        }
        let tls = try makeTLSContext()
        let connection = try await IMAPConnection.open(
            host: configuration.host, port: configuration.port,
            implicitTLS: configuration.security == .tls ? tls : nil, timeout: configuration.timeout, group: group)
        var session = IMAPSession(connection: connection, configuration: configuration, tls: tls, logger: logger)
        do {
            try await session.open()
            let result = try await body(&session)
            await session.logOut()
            await connection.close()
            return result
        } catch {
            await connection.close()
            logger.debug("IMAP session failed", metadata: ["server": "\(configuration)", "error": "\(error)"])
            throw error
        }
    }

    /// Whether `host` names this machine: the only place a password may go unencrypted.
    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        switch try? SocketAddress(ipAddress: host, port: 0) {
        case .v4(let address)?: return address.address.sin_addr.s_addr.bigEndian >> 24 == 127
        case .v6?: return host == "::1"
        default: return false
        }
    }

    /// The system's roots plus the configured one. Built per call: a mailbox is read every few
    /// minutes at most, and the client stays a plain value that cannot fail to be made.
    private func makeTLSContext() throws -> NIOSSLContext? {
        guard configuration.security != .plain else { return nil }
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        do {
            if let pem = configuration.trustedRootCertificatesPEM {
                let certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
                guard !certificates.isEmpty else { throw IMAPError.tls("the trusted root certificate holds no certificate") }
                tlsConfiguration.additionalTrustRoots = [.certificates(certificates)]
            }
            return try NIOSSLContext(configuration: tlsConfiguration)
        } catch let error as IMAPError {
            throw error
        } catch {
            throw IMAPError.tls("the trusted root certificate cannot be used: \(error)")
        }
    }
}
