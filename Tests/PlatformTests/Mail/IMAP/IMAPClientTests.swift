import Foundation
import Logging
import Platform
import TestPeers
import Testing

/// `IMAPClient` against a real IMAP server (dovecot). Skipped where dovecot is not installed, except
/// in CI, where that is a failure.
@Suite("Reading a mailbox over IMAP", .enabled(if: DovecotServer.shouldRun, "needs dovecot-imapd and openssl (CI installs them; see .ci/run)"))
struct IMAPClientTests {
    static let logger = Logger(label: "wayfinder.test.imap")

    /// A small message with CRLF line ends, as a server keeps it, so the bytes fetched must be the bytes written.
    static func message(_ number: Int, body: String = "") -> Data {
        Data("""
            From: Jobs <jobs@example.com>\r
            To: seeker@example.com\r
            Subject: Offer \(number)\r
            Message-ID: <offer-\(number)@example.com>\r
            \r
            Offer number \(number).\r
            \(body)
            """.utf8)
    }

    static func messages(_ range: ClosedRange<Int>) -> [Data] { range.map { message($0) } }

    /// Collects what `fetchNew` hands over, batch by batch.
    final class Receiver: @unchecked Sendable {
        private let lock = NSLock()
        private var received: [[IMAPFetchedMessage]] = []
        var batches: [[IMAPFetchedMessage]] { lock.withLock { received } }
        var messages: [IMAPFetchedMessage] { batches.flatMap { $0 } }
        func take(_ batch: [IMAPFetchedMessage]) { lock.withLock { received.append(batch) } }
    }

    static func fetch(_ server: DovecotServer.Mailbox, after state: IMAPMailboxState?, batchSize: Int = 100,
                      configuration: IMAPConfiguration? = nil) async throws -> (IMAPMailboxState, [IMAPFetchedMessage]) {
        let receiver = Receiver()
        let client = IMAPClient(configuration: configuration ?? server.configuration(), logger: logger)
        let state = try await client.fetchNew(after: state, batchSize: batchSize) { receiver.take($0) }
        return (state, receiver.messages)
    }

    @Test("implicit TLS: all messages arrive in UID order with their exact bytes, and the state ends at the last UID")
    func fetchAllOverTLS() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        let written = Self.messages(1...5)
        try server.add(written)
        let client = IMAPClient(configuration: server.configuration(), logger: Self.logger)
        let (uidValidity, count) = try await client.verify()
        #expect(count == 5)
        let (state, fetched) = try await Self.fetch(server, after: nil)
        #expect(fetched.map(\.raw) == written)
        #expect(fetched.map(\.uid) == fetched.map(\.uid).sorted())
        #expect(Set(fetched.map(\.uid)).count == 5)
        #expect(state == IMAPMailboxState(uidValidity: uidValidity, lastUID: try #require(fetched.last?.uid)))
    }

    @Test("a fetch after the returned state gets only the messages that came since, and then nothing")
    func onlyNewMessages() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...3))
        let (first, _) = try await Self.fetch(server, after: nil)
        try server.add(Self.messages(4...5))
        let (second, fetched) = try await Self.fetch(server, after: first)
        #expect(fetched.map(\.raw) == Self.messages(4...5))
        #expect(fetched.allSatisfy { $0.uid > first.lastUID })
        #expect(second.uidValidity == first.uidValidity && second.lastUID == fetched.last?.uid)
        let (third, nothing) = try await Self.fetch(server, after: second)
        #expect(nothing.isEmpty)
        #expect(third == second)
    }

    @Test("a state from beyond the folder's last UID fetches nothing (UID n:* still matches the last message)")
    func stateBeyondLastUID() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...2))
        let (state, _) = try await Self.fetch(server, after: nil)
        let ahead = IMAPMailboxState(uidValidity: state.uidValidity, lastUID: state.lastUID + 10)
        let (after, fetched) = try await Self.fetch(server, after: ahead)
        #expect(fetched.isEmpty)
        #expect(after == ahead)
    }

    @Test("when UIDVALIDITY changes, every message is fetched again under the new UIDVALIDITY")
    func uidValidityChange() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...3))
        let (first, _) = try await Self.fetch(server, after: nil)
        try server.forgetUIDs()
        let (second, fetched) = try await Self.fetch(server, after: first)
        #expect(second.uidValidity != first.uidValidity)
        #expect(fetched.map(\.raw) == Self.messages(1...3))
    }

    @Test("250 messages in batches of 100 arrive as three batches, each handed over before the next is fetched")
    func batches() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...250))
        let receiver = Receiver()
        let client = IMAPClient(configuration: server.configuration(), logger: Self.logger)
        let state = try await client.fetchNew(after: nil, batchSize: 100) { receiver.take($0) }
        #expect(receiver.batches.map(\.count) == [100, 100, 50])
        #expect(receiver.messages.map(\.raw) == Self.messages(1...250))
        #expect(state.lastUID == receiver.messages.last?.uid)
    }

    struct ReceiverFailure: Error {}

    @Test("a receiver that fails on the second batch stops the fetch; no state skips a message it did not take")
    func receiverFailure() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...250))
        let client = IMAPClient(configuration: server.configuration(), logger: Self.logger)

        // The plain form: the error comes back, the caller keeps its old state and gets everything again.
        let calls = Receiver()
        await #expect(throws: ReceiverFailure.self) {
            _ = try await client.fetchNew(after: nil, batchSize: 100) { batch in
                calls.take(batch)
                if calls.batches.count == 2 { throw ReceiverFailure() }
            }
        }
        #expect(calls.batches.count == 2, "no batch is fetched after the failure")
        #expect(try await Self.fetch(server, after: nil).1.count == 250)

        // With the state handed over per batch: the last state kept covers exactly the first batch.
        let kept = Receiver(), states = StateLog()
        await #expect(throws: ReceiverFailure.self) {
            _ = try await client.fetchNew(after: nil, batchSize: 100) { batch, state in
                if kept.batches.count == 1 { throw ReceiverFailure() }
                kept.take(batch)
                states.keep(state)
            }
        }
        let saved = try #require(states.last)
        #expect(saved.lastUID == kept.messages.last?.uid)
        let (final, rest) = try await Self.fetch(server, after: saved)
        #expect((kept.messages + rest).map(\.raw) == Self.messages(1...250))
        #expect(final.lastUID == rest.last?.uid)
    }

    final class StateLog: @unchecked Sendable {
        private let lock = NSLock()
        private var states: [IMAPMailboxState] = []
        var last: IMAPMailboxState? { lock.withLock { states.last } }
        func keep(_ state: IMAPMailboxState) { lock.withLock { states.append(state) } }
    }

    @Test("a wrong password is an authentication failure that does not repeat the password")
    func wrongPassword() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        let client = IMAPClient(configuration: server.configuration(password: "not-the-password"), logger: Self.logger)
        let error = await #expect(throws: IMAPError.self) { try await client.verify() }
        guard case .authenticationFailed = error else {
            Issue.record("expected an authentication failure, got \(String(describing: error))")
            return
        }
        #expect(error.map { !$0.description.contains("not-the-password") } == true)
    }

    @Test("a folder the server does not have is reported as not found")
    func unknownFolder() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        let client = IMAPClient(configuration: server.configuration(folder: "Nowhere"), logger: Self.logger)
        let error = await #expect(throws: IMAPError.self) { try await client.fetchNew(after: nil) { _ in } }
        guard case .folderNotFound(let reason) = error else {
            Issue.record("expected folderNotFound, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("Nowhere"))
    }

    @Test("a folder name with non-ASCII letters, spaces and & is sent in modified UTF-7 and opened")
    func internationalFolderName() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        // Dovecot keeps Maildir++ folders as "." + the modified UTF-7 name: "Ångebote & Co" is "&AMU-ngebote &- Co".
        try server.add(Self.messages(1...2), toFolderDirectory: ".&AMU-ngebote &- Co")
        let (_, fetched) = try await Self.fetch(server, after: nil, configuration: server.configuration(folder: "Ångebote & Co"))
        #expect(fetched.map(\.raw) == Self.messages(1...2))
    }

    @Test("STARTTLS on the plain port, checking the certificate against the host name")
    func startTLS() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...2))
        let configuration = server.configuration(security: .startTLS, host: "localhost")
        let (_, fetched) = try await Self.fetch(server, after: nil, configuration: configuration)
        #expect(fetched.map(\.raw) == Self.messages(1...2))
    }

    @Test("a certificate no trusted root vouches for fails with a TLS error", arguments: [IMAPConfiguration.Security.tls, .startTLS])
    func untrustedCertificate(security: IMAPConfiguration.Security) async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        let client = IMAPClient(configuration: server.configuration(security: security, trusted: false), logger: Self.logger)
        let error = await #expect(throws: IMAPError.self) { try await client.verify() }
        guard case .tls = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
    }

    @Test("literals are framed by their length: lines that look like literals or responses, 8-bit bytes and a large body pass intact")
    func literalFraming() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        var tricky = Data("Subject: {123}\r\nX-Note: W3 OK done\r\n\r\n{123}\r\nsee {5}\r\n* 2 FETCH (UID 9 BODY[] {3}\r\n)\r\n".utf8)
        tricky.append(contentsOf: [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x20, 0xE2, 0x9C, 0x93, 0xFF, 0x80, 0x0D, 0x0A])
        // Far bigger than a TCP segment or a TLS record, so the literal arrives in many pieces.
        for line in 0..<4_000 { tricky.append(contentsOf: Array("line \(line) {\(line)}\r\n".utf8)) }
        let written = [Self.message(1), tricky, Self.message(3, body: "{0}\r\n")]
        try server.add(written)
        let (_, fetched) = try await Self.fetch(server, after: nil)
        #expect(fetched.count == 3)
        #expect(fetched.map(\.raw) == written)
    }

    @Test("fetching leaves messages unread: no \\Seen flag is set")
    func leavesMessagesUnread() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...3))
        let (_, fetched) = try await Self.fetch(server, after: nil)
        #expect(fetched.count == 3)
        let flags = try server.flags()
        #expect(flags.count == 3)
        #expect(flags.allSatisfy { !$0.contains("S") }, "flags after the fetch: \(flags)")
    }

    @Test("the password appears in no log line, not even at trace level")
    func passwordNotLogged() async throws {
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        try server.add(Self.messages(1...1))
        let lines = LogCapture()
        var logger = Logger(label: "wayfinder.test.imap") { _ in lines }
        logger.logLevel = .trace
        _ = try await IMAPClient(configuration: server.configuration(), logger: logger).fetchNew(after: nil) { _ in }
        _ = try? await IMAPClient(configuration: server.configuration(password: "wrong \"secret\""), logger: logger).verify()
        let plain = Data("\0\(server.user)\0\(DovecotServer.password)".utf8).base64EncodedString()
        #expect(!lines.text.isEmpty)
        #expect(!lines.text.contains(DovecotServer.password))
        #expect(!lines.text.contains(plain))
        #expect(!lines.text.contains("secret"))
    }

    @Test("no server on the port is reported as unreachable")
    func unreachable() async throws {
        var configuration = try await DovecotServer.mailbox().configuration()
        configuration.port = try DovecotServer.freePort()
        let error = await #expect(throws: IMAPError.self) { try await IMAPClient(configuration: configuration, logger: Self.logger).verify() }
        guard case .unreachable = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
    }
}

/// A log handler that keeps every line, metadata included, for checks on what was logged.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        lock.withLock { lines.append("\(event.level) \(event.message) \(all)") }
    }
}
