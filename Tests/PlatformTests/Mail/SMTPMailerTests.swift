import Foundation
import Platform
import Testing

/// `SMTPMailer` against a real SMTP server (aiosmtpd). Skipped where aiosmtpd is not installed,
/// except in CI, where that is a failure.
@Suite("Sending mail over SMTP", .enabled(if: SMTPTestServer.shouldRun, "needs python3 with aiosmtpd (CI installs it; see .ci/run)"))
struct SMTPMailerTests {
    static func configuration(_ server: SMTPTestServer, security: SMTPConfiguration.Security,
                              password: String? = SMTPTestServer.password, trust: SMTPConfiguration.Trust? = nil) -> SMTPConfiguration {
        SMTPConfiguration(host: "localhost", port: server.port, security: security,
                          credentials: password.map { .init(username: SMTPTestServer.user, password: $0) },
                          heloName: "test.wayfinder.example", trust: trust ?? server.trust,
                          connectTimeout: .seconds(5), replyTimeout: .seconds(5))
    }

    static let message = MailMessage(
        from: MailAddress("jobs@wayfinder.example", name: "Wayfinder"),
        to: ["ada@example.com", MailAddress("bob@example.org", name: "Bob Stößel")],
        subject: "Drei neue Stellen für Sie",
        text: "Line one\n.\n.hidden line\n..two dots\nend\n",
        html: "<p>Line one</p>\n.\n<p>end</p>")

    static func expectDelivered(_ received: SMTPTestServer.Received) throws {
        #expect(received.mail_from == "jobs@wayfinder.example")
        #expect(received.rcpt_tos == ["ada@example.com", "bob@example.org"])
        let mail = try RenderedMail(received.content)
        #expect(mail.decodedHeader("Subject") == message.subject)
        #expect(mail.header("Message-ID") == "<\(message.id)>")
        #expect(try mail.parts().first?.decodedBody() == "Line one\n.\n.hidden line\n..two dots\nend")
        #expect(received.content.contains("\r\n.\r\n.hidden line\r\n..two dots\r\n"), "dot-led lines arrive as they were written")
    }

    /// Starts a server with `arguments`, sends `message` through a mailer set up as given, and returns
    /// the one message the server received, checked for what every delivery must carry.
    static func deliver(server arguments: [String], authenticated: Bool, security: SMTPConfiguration.Security,
                        trust: SMTPConfiguration.Trust? = nil) async throws -> SMTPTestServer.Received {
        let server = try await SMTPTestServer.start(arguments, authenticated: authenticated)
        defer { server.stop() }
        let configuration = Self.configuration(server, security: security, password: authenticated ? SMTPTestServer.password : nil, trust: trust)
        try await SMTPMailer(configuration: configuration).send(message)
        let received = try server.received()
        #expect(received.count == 1)
        let delivered = try #require(received.first)
        try expectDelivered(delivered)
        return delivered
    }

    @Test("plain SMTP without TLS or AUTH delivers to every recipient, with dot-led lines intact")
    func plain() async throws {
        let received = try await Self.deliver(server: [], authenticated: false, security: .plain)
        #expect(!received.tls)
        #expect(received.auth == nil)
    }

    @Test("STARTTLS trusting the server's own certificate, then AUTH PLAIN")
    func startTLSWithPlain() async throws {
        let received = try await Self.deliver(server: ["--starttls"], authenticated: true, security: .startTLSRequired)
        #expect(received.tls)
        #expect(received.auth?.login == SMTPTestServer.user)
        #expect(received.auth?.mechanism == "PLAIN")
    }

    @Test("AUTH LOGIN when the server does not offer PLAIN")
    func startTLSWithLogin() async throws {
        let received = try await Self.deliver(server: ["--starttls", "--exclude-mechanism", "PLAIN"], authenticated: true,
                                              security: .startTLSWhenOffered, trust: .noVerification)
        #expect(received.tls)
        #expect(received.auth?.mechanism == "LOGIN")
    }

    @Test("smtps: TLS from the first byte")
    func implicitTLS() async throws {
        // The server runs without --starttls, so AUTH needs no STARTTLS: the connection is already encrypted.
        let received = try await Self.deliver(server: ["--implicit-tls"], authenticated: true, security: .implicitTLS)
        #expect(received.tls)
        #expect(received.auth?.mechanism == "PLAIN")
    }

    @Test("a wrong password is a permanent failure carrying the server's 535 reply", arguments: ["PLAIN", "LOGIN"])
    func wrongPassword(mechanism: String) async throws {
        let server = try await SMTPTestServer.start(["--starttls", "--exclude-mechanism", mechanism == "PLAIN" ? "LOGIN" : "PLAIN"], authenticated: true)
        defer { server.stop() }
        let mailer = try SMTPMailer(configuration: Self.configuration(server, security: .startTLSRequired, password: "wrong"))
        let error = await #expect(throws: SMTPError.self) { try await mailer.send(Self.message) }
        #expect(error?.replyCode == 535)
        #expect(error?.isPermanent == true)
        #expect(error.map { !$0.description.contains("wrong") } == true, "the password is not repeated")
        #expect(try server.received().isEmpty)
    }

    @Test("credentials go out unencrypted only with starttls=false")
    func credentialsInClear() async throws {
        let server = try await SMTPTestServer.start(authenticated: true)
        defer { server.stop() }
        let cautious = try SMTPMailer(configuration: Self.configuration(server, security: .startTLSWhenOffered))
        await #expect(throws: SMTPError.startTLSUnavailable) { try await cautious.send(Self.message) }
        try await SMTPMailer(configuration: Self.configuration(server, security: .plain)).send(Self.message)
        #expect(try server.received().map(\.auth?.login) == [SMTPTestServer.user])
    }

    @Test("starttls=required against a server without STARTTLS is a permanent failure")
    func startTLSRequired() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let mailer = try SMTPMailer(configuration: Self.configuration(server, security: .startTLSRequired, password: nil))
        let error = await #expect(throws: SMTPError.startTLSUnavailable) { try await mailer.send(Self.message) }
        #expect(error?.isPermanent == true)
    }

    @Test("a certificate the system does not trust fails the handshake, permanently")
    func untrustedCertificate() async throws {
        let server = try await SMTPTestServer.start(["--starttls"])
        defer { server.stop() }
        let mailer = try SMTPMailer(configuration: Self.configuration(server, security: .startTLSRequired, password: nil, trust: .systemRoots))
        let error = await #expect(throws: SMTPError.self) { try await mailer.send(Self.message) }
        guard case .tlsFailed = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(error?.isPermanent == true)
        #expect(try server.received().isEmpty)
    }
}
