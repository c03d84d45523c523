import Foundation
import Logging
import NIOSSL

/// One message's conversation over an open connection (RFC 5321): greeting, EHLO, STARTTLS when the
/// configuration asks for it, AUTH when it has credentials, then the envelope, the DATA and QUIT.
///
/// Any reply other than the one that lets the exchange go on ends it with an `SMTPError` carrying
/// the server's code and text. Credentials appear in no error and no log line.
struct SMTPSession {
    let connection: SMTPConnection
    let configuration: SMTPConfiguration
    let tls: NIOSSLContext?
    let logger: Logger

    func deliver(_ message: MailMessage, dataBlock: [UInt8]) async throws {
        try expect(220, await connection.reply(to: "the greeting"), step: "the greeting")
        var capabilities = try await hello()
        var encrypted = configuration.security == .implicitTLS
        if !encrypted, let tls, configuration.security != .plain {
            if capabilities.offersStartTLS {
                try expect(220, await connection.send("STARTTLS"), step: "STARTTLS")
                try await connection.startTLS(tls, host: configuration.host)
                encrypted = true
                capabilities = try await hello()
            } else if configuration.security == .startTLSRequired {
                throw SMTPError.startTLSUnavailable
            }
        }
        if let credentials = configuration.credentials {
            // Credentials go out in clear only where the configuration says so explicitly (starttls=false).
            guard encrypted || configuration.security == .plain else { throw SMTPError.startTLSUnavailable }
            try await authenticate(credentials, mechanisms: capabilities.authMechanisms)
        }
        try expect(250, await connection.send("MAIL FROM:<\(message.from.address)>"), step: "MAIL FROM")
        for recipient in message.to {
            let step = "RCPT TO:<\(recipient.address)>"
            try expect([250, 251], await connection.send(step), step: step)
        }
        try expect(354, await connection.send("DATA"), step: "DATA")
        try expect(250, await connection.send(bytes: dataBlock, step: "the end of DATA"), step: "the end of DATA")
        // The server has taken the message; a failed goodbye changes nothing.
        _ = try? await connection.send("QUIT")
    }

    /// EHLO, falling back to HELO (and no extensions) for a server that does not know EHLO.
    private func hello() async throws -> SMTPCapabilities {
        let name = configuration.heloName ?? connection.localAddressLiteral
        let reply = try await connection.send("EHLO \(name)")
        if reply.code == 250 { return SMTPCapabilities(ehlo: reply) }
        guard (500..<600).contains(reply.code) else { throw SMTPError.rejected(step: "EHLO", code: reply.code, text: reply.text) }
        try expect(250, await connection.send("HELO \(name)"), step: "HELO")
        return SMTPCapabilities()
    }

    /// AUTH PLAIN when offered (one round trip), else AUTH LOGIN.
    private func authenticate(_ credentials: SMTPConfiguration.Credentials, mechanisms: [String]) async throws {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        let reply: SMTPReply
        if mechanisms.contains("PLAIN") {
            reply = try await connection.send("AUTH PLAIN " + base64("\0\(credentials.username)\0\(credentials.password)"), step: "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try expectAuth(334, await connection.send("AUTH LOGIN"))
            try expectAuth(334, await connection.send(base64(credentials.username), step: "AUTH LOGIN (user name)"))
            reply = try await connection.send(base64(credentials.password), step: "AUTH LOGIN (password)")
        } else {
            throw SMTPError.noCommonAuthMechanism(offered: mechanisms)
        }
        try expectAuth(235, reply)
        logger.debug("authenticated to the SMTP server", metadata: ["user": "\(credentials.username)"])
    }

    private func expectAuth(_ code: Int, _ reply: SMTPReply) throws {
        guard reply.code == code else { throw SMTPError.authenticationFailed(code: reply.code, text: reply.text) }
    }

    private func expect(_ codes: Set<Int>, _ reply: SMTPReply, step: String) throws {
        guard codes.contains(reply.code) else { throw SMTPError.rejected(step: step, code: reply.code, text: reply.text) }
    }

    private func expect(_ code: Int, _ reply: SMTPReply, step: String) throws {
        try expect([code], reply, step: step)
    }
}
