import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestPeers
import Testing

/// Connected mailboxes end to end against a private dovecot (Debian's `dovecot-imapd`, installed by
/// `.ci/run`): skipped with the reason where it is missing, a failure with `CI=true`.
@Suite("Connected mailboxes", .enabled(if: DovecotServer.shouldRun, "needs dovecot-imapd and openssl (CI installs them; see .ci/run)"))
struct MailboxRouteTests {
    @Test("a mailbox is checked on connect, read from where it stopped, keeps only job mail, never shows its password; another user gets 404")
    func syncFlow() async throws {
        let mailbox = try await DovecotServer.mailbox()
        defer { mailbox.remove() }
        let server = mailbox.server
        let caFile = Scratch.root.appendingPathComponent("wayfinder-imap-ca-\(UUID().uuidString).pem")
        try server.certificatePEM.write(to: caFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: caFile) }
        let settings = TestApp.settings { $0.careerAgent.imapCAFile = caFile.path }
        try mailbox.add([Data(EmailRouteTests.invitation(sequence: 0, start: "20260312T140000", messageID: "invite-1@globex.example").utf8),
                        Data(Self.newsletter.utf8)])
        try await TestApp.withServicesAndClient(settings: settings) { services, client in
            let (token, _) = try await client.signUpAndIn(services, email: "tracker@example.com")
            let (other, _) = try await client.signUpAndIn(services, email: "other@example.com")
            let connection: [String: Any] = ["host": "127.0.0.1", "port": server.imapsPort, "security": "tls",
                                             "username": mailbox.user, "password": DovecotServer.password]
            var wrong = connection
            wrong["password"] = "not the password"
            let refused = try await client.send(.post, "/api/v1/mailboxes", json: wrong, token: token)
            #expect(refused.status == .badRequest && refused.problemFields == ["password"])
            let plain = try await client.send(.post, "/api/v1/mailboxes", json: connection.merging(["security": "plain", "port": server.imapPort]) { $1 },
                                              token: token)
            #expect(plain.status == .badRequest && plain.problemFields == ["security"])
            let missing = try await client.send(.post, "/api/v1/mailboxes", json: ["host": "127.0.0.1"], token: token)
            #expect(missing.status == .badRequest && Set(missing.problemFields) == ["username", "password"])

            let connected = try await client.send(.post, "/api/v1/mailboxes", json: connection, token: token)
            #expect(connected.status == .created)
            #expect(String(buffer: connected.body).contains("wörd") == false && connected.json["password"] == nil)
            let id = try #require(connected.json["id"] as? String)
            let sealed = try await services.store.read { database in
                try await database.raw("SELECT sealed_password FROM mailboxes").first()?.decode(column: "sealed_password", as: String.self)
            }
            #expect(sealed != nil && sealed?.contains("wörd") == false)

            let first = try await client.send(.post, "/api/v1/mailboxes/\(id)/sync", token: token)
            #expect(first.json["read"] as? Int == 2 && first.json["kept"] as? Int == 1)
            #expect((first.json["mailbox"] as? [String: Any])?["last_uid"] as? Int == 2)
            let emails = try #require(try await client.send(.get, "/api/v1/emails", token: token).json["emails"] as? [[String: Any]])
            #expect(emails.count == 1 && emails.first?["source"] as? String == "mailbox" && emails.first?["category"] as? String == "interview_invite")

            // Only what arrived since is read; nothing twice.
            try mailbox.add([Data(EmailRouteTests.rejection.utf8)])
            let second = try await client.send(.post, "/api/v1/mailboxes/\(id)/sync", token: token)
            #expect(second.json["read"] as? Int == 1 && second.json["kept"] as? Int == 1)
            #expect((try await client.send(.get, "/api/v1/emails", token: token).json["emails"] as? [Any])?.count == 2)
            #expect(try await client.send(.post, "/api/v1/mailboxes/\(id)/sync", token: token).json["read"] as? Int == 0)

            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/mailboxes/\(id)"), (.post, "/api/v1/mailboxes/\(id)/sync"),
                                   (.delete, "/api/v1/mailboxes/\(id)")] {
                #expect(try await client.send(method, path, token: other).status == .notFound)
            }
            #expect((try await client.send(.get, "/api/v1/mailboxes", token: other).json["mailboxes"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.delete, "/api/v1/mailboxes/\(id)", token: token).status == .noContent)
            #expect((try await client.send(.get, "/api/v1/mailboxes", token: token).json["mailboxes"] as? [Any])?.isEmpty == true)
        }
    }

    static let newsletter = """
        From: TechCareers Weekly <news@techcareers.example>\r
        To: tracker@example.com\r
        Subject: This week: 40 remote roles and salary negotiation tips\r
        Date: Mon, 02 Mar 2026 08:00:00 +0000\r
        Message-ID: <weekly-9@techcareers.example>\r
        \r
        In this issue: how to negotiate, and 40 new remote roles. Read more on our site.\r
        You're receiving this because you subscribed. Unsubscribe: https://techcareers.example/u\r

        """
}
