import Domain
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers each message over its own connection to one SMTP server (a relay or a mail provider's
/// submission port), as `SMTPConfiguration` describes it.
///
/// A connection per message keeps failure simple: a broken or timed-out exchange costs that message
/// one attempt and nothing else, and the task queue's retries decide what happens next (see
/// `SMTPError.isTransient`).
public struct SMTPMailer: Mailer {
    public let configuration: SMTPConfiguration
    private let tls: NIOSSLContext?
    private let group: any EventLoopGroup
    private let clock: any WallClock
    private let logger: Logger

    /// Builds the TLS context once: loading trust roots is the slow part, and a CA file that cannot be
    /// read should stop the app at start rather than fail its first mail.
    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "wayfinder.mail")) throws {
        self.configuration = configuration
        self.group = group
        self.clock = clock
        self.logger = logger
        guard configuration.security != .plain else {
            tls = nil
            return
        }
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        switch configuration.trust {
        case .systemRoots: break
        case .certificateFile(let path): tlsConfiguration.trustRoots = .file(path)
        case .noVerification: tlsConfiguration.certificateVerification = .none
        }
        do {
            tls = try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw SMTPConfigurationError("the TLS trust settings cannot be used: \(error)")
        }
    }

    public func send(_ message: MailMessage) async throws {
        try message.validate()
        let dataBlock = SMTPDotStuffing.dataBlock(message.rendered(date: clock.now()))
        let connection = try await SMTPConnection.open(
            host: configuration.host, port: configuration.port,
            implicitTLS: configuration.security == .implicitTLS ? tls : nil,
            connectTimeout: configuration.connectTimeout, replyTimeout: configuration.replyTimeout, group: group)
        do {
            try await SMTPSession(connection: connection, configuration: configuration, tls: tls, logger: logger)
                .deliver(message, dataBlock: dataBlock)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        // The worker pool already logs each task at info; this line is for tracing a mail server.
        logger.debug("mail sent", metadata: [
            "message_id": "\(message.id)", "recipients": "\(message.to.count)",
            "server": "\(configuration.host):\(configuration.port)",
        ])
    }
}
