import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to an IMAP server: write a command, wait for each response, each wait bounded
/// by the timeout; upgrade to TLS in place for STARTTLS. Every failure comes out as an `IMAPError`.
struct IMAPConnection: Sendable {
    let channel: any Channel
    /// Held here rather than looked up in the pipeline for each response: a failed connection takes
    /// its handlers out of the pipeline, and the handler still knows why it failed.
    let responses: NIOLoopBound<AwaitedMessageHandler<IMAPResponse>>
    let timeout: TimeAmount

    /// Connects, with TLS from the first byte when `implicitTLS` is given (imaps).
    static func open(host: String, port: Int, implicitTLS: NIOSSLContext?, timeout: Duration,
                     group: any EventLoopGroup) async throws -> IMAPConnection {
        let serverName = tlsServerName(for: host)
        // The handler is kept from the moment it is made: a handshake that fails at once closes the
        // channel and empties its pipeline before `connect` returns, and the handler knows why.
        let slot = HandlerSlot()
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                    }
                    let handler = AwaitedMessageHandler<IMAPResponse>()
                    try pipeline.addHandler(ByteToMessageHandler(IMAPResponseDecoder()))
                    try pipeline.addHandler(handler)
                    slot.set(NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch ChannelError.connectTimeout {
            throw IMAPError.timedOut
        } catch {
            throw IMAPError.unreachable("\(host):\(port): \(error)")
        }
        guard let responses = slot.get() else { throw IMAPError.unreachable("\(host):\(port) closed the connection at once") }
        return IMAPConnection(channel: channel, responses: responses, timeout: TimeAmount(timeout))
    }

    /// Carries the response handler out of the channel initializer.
    private final class HandlerSlot: @unchecked Sendable {
        private let lock = NSLock()
        private var handler: NIOLoopBound<AwaitedMessageHandler<IMAPResponse>>?
        func set(_ handler: NIOLoopBound<AwaitedMessageHandler<IMAPResponse>>) { lock.withLock { self.handler = handler } }
        func get() -> NIOLoopBound<AwaitedMessageHandler<IMAPResponse>>? { lock.withLock { handler } }
    }

    /// The name to send in SNI and check the certificate against; none for an IP address, where
    /// NIOSSL checks the certificate against the address it connected to.
    static func tlsServerName(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// Sends bytes without waiting; a failed write fails the next wait.
    func write(_ bytes: [UInt8]) {
        channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
    }

    /// The next response, whatever it is. `step` names what was awaited when it does not come.
    func next(_ step: String) async throws -> IMAPResponse {
        let channel = self.channel, responses = self.responses, timeout = self.timeout
        let response = AwaitedMessageHandler.next(from: responses, on: channel, timeout: timeout)
        do {
            return try await response.get()
        } catch {
            throw Self.imapError(error, step: step)
        }
    }

    /// Puts TLS under the response decoder, after the server's OK to STARTTLS. The handshake runs at
    /// once; its failure surfaces as the failure of the next response.
    ///
    /// Anything the server sent after its OK and before the handshake was not protected; it would be
    /// read as if it had been (a known STARTTLS injection), so it ends the connection instead.
    func startTLS(_ context: NIOSSLContext, host: String) async throws {
        let channel = self.channel, responses = self.responses, serverName = Self.tlsServerName(for: host)
        do {
            try await channel.eventLoop.submit {
                guard !responses.value.hasUnreadMessages else {
                    throw IMAPError.protocolViolation("the server sent data after its answer to STARTTLS, before TLS")
                }
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch let error as IMAPError {
            throw error
        } catch {
            throw IMAPError.tls("\(error)")
        }
    }

    func close() async {
        try? await channel.close().get()
    }

    static func imapError(_ error: any Error, step: String) -> IMAPError {
        switch error {
        case let error as IMAPError: error
        case ChannelWaitFailure.timedOut: .timedOut
        case ChannelWaitFailure.closed: .unreachable("the server closed the connection while this client waited for \(step)")
        case ChannelWaitFailure.error(let cause): imapError(cause, step: step)
        case NIOSSLError.uncleanShutdown: .unreachable("the server closed the connection without ending TLS while this client waited for \(step)")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError: .tls("\(error)")
        default: .unreachable("the connection failed while this client waited for \(step): \(error)")
        }
    }
}
