import Foundation
import Logging
import Platform
import Testing

/// `IMAPClient` against a scripted server, for what dovecot always offers and so never tests: a
/// literal sent only after the server's go-ahead (no LITERAL+), LOGIN when AUTH=PLAIN is not offered,
/// AUTHENTICATE without an initial response (no SASL-IR), and responses that arrive one byte at a time.
@Suite("IMAP against a scripted server")
struct IMAPScriptedServerTests {
    static let password = #"pa"ss \wörd"#
    static let first = "Subject: eins\r\n\r\nGrüße {12}\r\n* 1 FETCH (UID 3)\r\n"
    static let second = "Subject: zwei\r\n\r\nW4 OK fake\r\n"

    /// A mailbox with UIDs 5 and 11 whose search for `12:*` answers with 11, as servers must.
    static let script: ScriptedIMAPServer.Script = { command in
        switch command {
        case let login where login.hasPrefix("LOGIN "), let login where login.hasPrefix("AUTHENTICATE-RESPONSE "):
            let expected = ["LOGIN seeker {\(password.utf8.count)}\r\n\(password)",
                            "AUTHENTICATE-RESPONSE " + Data("\0seeker\0\(password)".utf8).base64EncodedString()]
            return ([], expected.contains(login) ? "OK logged in" : "NO [AUTHENTICATIONFAILED] wrong")
        case "EXAMINE INBOX":
            // No UIDNEXT (servers need not send it), so the client always searches.
            return (["* 2 EXISTS", "* OK [UIDVALIDITY 7] valid"], "OK [READ-ONLY] examined")
        case "UID SEARCH UID 1:*":
            return (["* SEARCH 5 11"], nil)
        case "UID SEARCH UID 12:*":
            return (["* SEARCH 11"], nil)
        case "UID FETCH 5,11 (UID BODY.PEEK[])":
            return ([
                "* 1 FETCH (UID 5 BODY[] {\(first.utf8.count)}\r\n\(first))",
                "* 1 FETCH (FLAGS (\\Recent))",
                "* 2 FETCH (FLAGS () BODY[] {\(second.utf8.count)}\r\n\(second) UID 11)",
            ], nil)
        case "LOGOUT":
            return (["* BYE logging out"], nil)
        default:
            return ([], "BAD unexpected \(command)")
        }
    }

    static func client(_ server: ScriptedIMAPServer) -> IMAPClient {
        IMAPClient(configuration: IMAPConfiguration(host: "127.0.0.1", port: server.port, security: .plain, username: "seeker",
                                                    password: password, timeout: .seconds(5)),
                   logger: Logger(label: "wayfinder.test.imap"))
    }

    @Test("without LITERAL+ or AUTH=PLAIN: LOGIN sends the password as a literal after the go-ahead; byte-by-byte responses parse")
    func loginWithLiteral() async throws {
        let server = try await ScriptedIMAPServer(greeting: "OK [CAPABILITY IMAP4rev1] ready", script: Self.script)
        let receiver = IMAPClientTests.Receiver()
        let state = try await Self.client(server).fetchNew(after: nil) { receiver.take($0) }
        await server.stop()
        #expect(receiver.messages == [IMAPFetchedMessage(uid: 5, raw: Data(Self.first.utf8)),
                                      IMAPFetchedMessage(uid: 11, raw: Data(Self.second.utf8))])
        #expect(state == IMAPMailboxState(uidValidity: 7, lastUID: 11))
        #expect(server.commands.all.contains("W1 LOGIN seeker {\(Self.password.utf8.count)}\r\n\(Self.password)"))
    }

    @Test("AUTHENTICATE PLAIN without SASL-IR answers the server's challenge; UID n:* returning an older UID fetches nothing")
    func authenticateWithoutInitialResponse() async throws {
        let server = try await ScriptedIMAPServer(greeting: "OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready", script: Self.script)
        let receiver = IMAPClientTests.Receiver()
        let state = try await Self.client(server).fetchNew(after: IMAPMailboxState(uidValidity: 7, lastUID: 11)) { receiver.take($0) }
        #expect(receiver.messages.isEmpty)
        #expect(state == IMAPMailboxState(uidValidity: 7, lastUID: 11))
        #expect(server.commands.all.contains("W1 AUTHENTICATE PLAIN"))
        await server.stop()
    }

    @Test("an unencrypted connection to anything but this machine is refused before connecting", arguments: ["192.0.2.1", "mail.example.com"])
    func plainOnlyToLoopback(host: String) async throws {
        let client = IMAPClient(configuration: IMAPConfiguration(host: host, port: 143, security: .plain, username: "seeker",
                                                                 password: Self.password, timeout: .seconds(2)),
                                logger: Logger(label: "wayfinder.test.imap"))
        let error = await #expect(throws: IMAPError.self) { try await client.verify() }
        guard case .tls = error else {
            Issue.record("expected a refusal to go unencrypted, got \(String(describing: error))")
            return
        }
    }
}
