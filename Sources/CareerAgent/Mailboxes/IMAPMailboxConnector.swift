import Foundation
import Logging
import Platform

/// Reads connected mailboxes with the IMAP client: implicit TLS (993) or STARTTLS; plain only where
/// the operator allows it (a mail server on the same machine, the tests' own server).
public struct IMAPMailboxConnector: MailboxConnector {
    private let logger: Logger
    private let trustedRootCertificatesPEM: String?
    private let allowsPlain: Bool
    private let batchSize: Int

    public init(logger: Logger, trustedRootCertificatesPEM: String? = nil, allowsPlain: Bool = false, batchSize: Int = 100) {
        self.logger = logger
        self.trustedRootCertificatesPEM = trustedRootCertificatesPEM
        self.allowsPlain = allowsPlain
        self.batchSize = batchSize
    }

    public func verify(_ mailbox: ConnectedMailbox, password: String) async throws {
        do {
            _ = try await client(mailbox, password: password).verify()
        } catch let error as IMAPError {
            throw Self.connectionError(error)
        }
    }

    public func fetchNew(_ mailbox: ConnectedMailbox, password: String,
                         receive: @escaping @Sendable ([Data]) async throws -> Void) async throws -> (uidValidity: UInt32, lastUID: UInt32) {
        let state = mailbox.uidValidity.map { IMAPMailboxState(uidValidity: $0, lastUID: mailbox.lastUID ?? 0) }
        do {
            let stopped = try await client(mailbox, password: password).fetchNew(after: state, batchSize: batchSize) { batch in
                try await receive(batch.map(\.raw))
            }
            return (stopped.uidValidity, stopped.lastUID)
        } catch let error as IMAPError {
            throw Self.connectionError(error)
        }
    }

    private func client(_ mailbox: ConnectedMailbox, password: String) throws -> IMAPClient {
        let security: IMAPConfiguration.Security
        switch mailbox.security {
        case .tls: security = .tls
        case .starttls: security = .startTLS
        case .plain:
            guard allowsPlain else { throw MailboxConnectionError.insecure("this server only connects to mailboxes over TLS or STARTTLS") }
            security = .plain
        }
        return IMAPClient(configuration: IMAPConfiguration(
            host: mailbox.host, port: mailbox.port, security: security, username: mailbox.username, password: password,
            folder: mailbox.folder, trustedRootCertificatesPEM: trustedRootCertificatesPEM
        ), logger: logger)
    }

    static func connectionError(_ error: IMAPError) -> MailboxConnectionError {
        switch error {
        case .unreachable(let detail): .unreachable(detail)
        case .tls(let detail): .insecure(detail)
        case .authenticationFailed(let detail): .rejectedCredentials(detail)
        case .folderNotFound(let detail): .folderNotFound(detail)
        case .protocolViolation(let detail): .failed(detail)
        case .timedOut: .unreachable("no answer in time")
        }
    }
}
