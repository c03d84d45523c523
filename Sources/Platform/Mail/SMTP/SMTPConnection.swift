import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to an SMTP server: send a line, wait for the reply, each wait bounded by the
/// reply timeout; upgrade to TLS in place for STARTTLS. Every failure comes out as an `SMTPError`
/// that names the step it happened in.
struct SMTPConnection: Sendable {
    let channel: any Channel
    /// Held here rather than looked up in the pipeline for each reply: a failed connection takes its
    /// handlers out of the pipeline, and the handler still knows why it failed.
    let replies: NIOLoopBound<AwaitedMessageHandler<SMTPReply>>
    let replyTimeout: TimeAmount

    /// Connects, with TLS from the first byte when `implicitTLS` is given (smtps).
    static func open(host: String, port: Int, implicitTLS: NIOSSLContext?, connectTimeout: Duration, replyTimeout: Duration,
                     group: any EventLoopGroup) async throws -> SMTPConnection {
        let serverName = tlsServerName(for: host)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try pipeline.addHandler(AwaitedMessageHandler<SMTPReply>())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw SMTPError.connectionFailed(host: host, port: port, reason: "\(error)")
        }
        do {
            let replies = try await channel.eventLoop.submit {
                NIOLoopBound(try channel.pipeline.syncOperations.handler(type: AwaitedMessageHandler<SMTPReply>.self), eventLoop: channel.eventLoop)
            }.get()
            return SMTPConnection(channel: channel, replies: replies, replyTimeout: TimeAmount(replyTimeout))
        } catch {
            throw SMTPError.connectionLost(step: "the greeting", reason: "the server closed the connection at once")
        }
    }

    /// The name to send in SNI and check the certificate against; none for an IP address, where
    /// NIOSSL checks the certificate against the address it connected to.
    static func tlsServerName(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// Waits for a reply without sending anything (the greeting).
    func reply(to step: String) async throws -> SMTPReply {
        try await exchange(nil, step: step)
    }

    /// Sends one command line and waits for its reply. `step` names it in errors, so a command that
    /// carries credentials is never repeated there.
    func send(_ command: String, step: String? = nil) async throws -> SMTPReply {
        try await exchange(ByteBuffer(string: command + "\r\n"), step: step ?? command)
    }

    /// Sends raw bytes (a message's DATA block) and waits for the reply.
    func send(bytes: [UInt8], step: String) async throws -> SMTPReply {
        try await exchange(ByteBuffer(bytes: bytes), step: step)
    }

    /// Puts TLS under the reply decoder, after the server's 220 to STARTTLS. The handshake runs at
    /// once; its failure surfaces as the failure of the next reply.
    func startTLS(_ context: NIOSSLContext, host: String) async throws {
        let channel = self.channel, serverName = Self.tlsServerName(for: host)
        do {
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw SMTPError.tlsFailed(reason: "\(error)")
        }
    }

    /// The address this side connected from, as an EHLO address literal.
    var localAddressLiteral: String {
        switch channel.localAddress {
        case .v4(let address)?: "[\(address.host)]"
        case .v6(let address)?: "[IPv6:\(address.host)]"
        default: "[127.0.0.1]"
        }
    }

    func close() async {
        try? await channel.close().get()
    }

    private func exchange(_ bytes: ByteBuffer?, step: String) async throws -> SMTPReply {
        let channel = self.channel, replies = self.replies, timeout = replyTimeout
        let reply = AwaitedMessageHandler.next(from: replies, on: channel, timeout: timeout, sending: bytes)
        do {
            return try await reply.get()
        } catch {
            throw Self.smtpError(error, step: step)
        }
    }

    static func smtpError(_ error: any Error, step: String) -> SMTPError {
        switch error {
        case let error as SMTPError: error
        case ChannelWaitFailure.timedOut: .timedOut(step: step)
        case ChannelWaitFailure.closed: .connectionLost(step: step, reason: "the server closed the connection")
        case ChannelWaitFailure.error(let cause): smtpError(cause, step: step)
        case NIOSSLError.uncleanShutdown: .connectionLost(step: step, reason: "the server closed the connection without ending TLS")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError: .tlsFailed(reason: "\(error)")
        default: .connectionLost(step: step, reason: "\(error)")
        }
    }
}
