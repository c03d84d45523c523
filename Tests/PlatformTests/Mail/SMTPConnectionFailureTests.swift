import NIOCore
import NIOPosix
import Platform
import Testing

/// Servers that fail in the ways no real SMTP server is asked to: silent, or gone.
@Suite("SMTP connection failures")
struct SMTPConnectionFailureTests {
    /// Accepts connections and never says a word.
    static func silentServer() async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    static func mailer(port: Int) throws -> SMTPMailer {
        try SMTPMailer(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, security: .plain,
                                                        connectTimeout: .seconds(2), replyTimeout: .milliseconds(300)))
    }

    @Test("a server that never greets times out after the reply timeout, and that is transient")
    func replyTimeout() async throws {
        let server = try await Self.silentServer()
        let port = try #require(server.localAddress?.port)
        let started = ContinuousClock.now
        let error = await #expect(throws: SMTPError.timedOut(step: "the greeting")) {
            try await Self.mailer(port: port).send(MailRenderingTests.message())
        }
        // Far below the 60 s default: the configured 300 ms applies. Alone it takes 300 ms; the room is for a
        // machine so busy with the whole suite that the timer once ran ten seconds late.
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(error?.isTransient == true)
        try await server.close()
    }

    @Test("a refused connection is a transient connection failure")
    func refused() async throws {
        let server = try await Self.silentServer()
        let port = try #require(server.localAddress?.port)
        try await server.close()
        let error = await #expect(throws: SMTPError.self) { try await Self.mailer(port: port).send(MailRenderingTests.message()) }
        guard case .connectionFailed(let host, let failedPort, _) = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(host == "127.0.0.1" && failedPort == port)
        #expect(error?.isTransient == true)
    }
}
