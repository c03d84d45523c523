import Foundation
import Logging
import NIOSSL

/// One conversation over an open connection (RFC 9051, spoken as IMAP4rev1 as RFC 3501 has it for
/// the servers that know nothing newer): greeting, capabilities, STARTTLS when the configuration
/// asks for it, login, then read-only work on one folder, and LOGOUT.
///
/// The folder is opened with EXAMINE and messages are fetched with `BODY.PEEK[]`, so reading never
/// changes a flag: a message the user has not read stays unread in their mail program.
/// Credentials appear in no error and no log line, whatever the level.
struct IMAPSession {
    let connection: IMAPConnection
    let configuration: IMAPConfiguration
    let tls: NIOSSLContext?
    let logger: Logger

    private var capabilities: Set<String> = []
    private var tagNumber = 0

    init(connection: IMAPConnection, configuration: IMAPConfiguration, tls: NIOSSLContext?, logger: Logger) {
        self.connection = connection
        self.configuration = configuration
        self.tls = tls
        self.logger = logger
    }

    /// What EXAMINE tells about the folder.
    struct Folder {
        var uidValidity: UInt32
        /// The UID the next message will get; servers need not say it.
        var uidNext: UInt32?
        var messageCount: Int
    }

    // MARK: - Opening

    /// Greeting, STARTTLS if configured, login. On return the session is authenticated.
    mutating func open() async throws {
        let greeting = try await connection.next("the greeting")
        guard case .untagged(let rest) = greeting.kind, let status = IMAPStatus(rest) else {
            throw IMAPError.protocolViolation("the server's greeting is not an IMAP greeting: \(String(decoding: greeting.lines[0].prefix(120), as: UTF8.self))")
        }
        takeCapabilities(from: status)
        let authenticated: Bool
        switch status.condition {
        case .ok: authenticated = false
        case .preauth: authenticated = true
        case .bye: throw IMAPError.unreachable("the server refused the connection: \(status.text)")
        case .no, .bad: throw IMAPError.protocolViolation("the server's greeting is \(status.summary)")
        }
        if configuration.security == .startTLS {
            // A PREAUTH session cannot be upgraded: the server would talk in the clear.
            guard !authenticated else { throw IMAPError.tls("the server authenticated the connection before STARTTLS was possible") }
            try await startTLS()
        }
        if capabilities.isEmpty { try await refreshCapabilities() }
        if !authenticated { try await logIn() }
    }

    private mutating func startTLS() async throws {
        guard let tls else { throw IMAPError.tls("no TLS context for STARTTLS") }
        if capabilities.isEmpty { try await refreshCapabilities() }
        guard capabilities.contains("STARTTLS") else { throw IMAPError.tls("the server does not offer STARTTLS") }
        let status = try await run(IMAPCommand("STARTTLS"))
        guard status.condition == .ok else { throw IMAPError.tls("the server answered STARTTLS with \(status.summary)") }
        try await connection.startTLS(tls, host: configuration.host)
        // What the server said before TLS may have been tampered with; only what it says now counts.
        capabilities = []
        try await refreshCapabilities()
    }

    private mutating func refreshCapabilities() async throws {
        let status = try await run(IMAPCommand("CAPABILITY"))
        guard status.condition == .ok else { throw IMAPError.protocolViolation("the server answered CAPABILITY with \(status.summary)") }
    }

    /// AUTHENTICATE PLAIN when offered: it carries any user name and password as base64, with no
    /// quoting rules to get wrong. LOGIN otherwise, with each argument quoted or sent as a literal.
    private mutating func logIn() async throws {
        let command: IMAPCommand
        if capabilities.contains("AUTH=PLAIN") {
            let initial = Data("\0\(configuration.username)\0\(configuration.password)".utf8).base64EncodedString()
            command = capabilities.contains("SASL-IR")
                ? IMAPCommand("AUTHENTICATE PLAIN \(initial)", logged: "AUTHENTICATE PLAIN ***")
                : IMAPCommand([.text("AUTHENTICATE PLAIN"), .continuation(Array(initial.utf8))], logged: "AUTHENTICATE PLAIN ***")
        } else if capabilities.contains("LOGINDISABLED") {
            let offered = capabilities.filter { $0.hasPrefix("AUTH=") }.sorted().joined(separator: " ")
            throw IMAPError.authenticationFailed("the server offers no login this client speaks (PLAIN, LOGIN); it offers: \(offered.isEmpty ? "none" : offered)")
        } else {
            command = IMAPCommand([.text("LOGIN "), IMAPCommand.string(configuration.username), .text(" "),
                                   IMAPCommand.string(configuration.password)], logged: "LOGIN ***")
        }
        let status = try await run(command)
        switch status.condition {
        case .ok:
            logger.debug("logged in to the IMAP server", metadata: ["user": "\(configuration.username)"])
        case .no:
            throw IMAPError.authenticationFailed(status.summary)
        default:
            throw IMAPError.protocolViolation("the server answered the login with \(status.summary)")
        }
    }

    // MARK: - Reading the folder

    /// Opens the folder read-only.
    mutating func examine() async throws -> Folder {
        var uidValidity: UInt32?, uidNext: UInt32?, messageCount = 0
        let status = try await run(IMAPCommand([.text("EXAMINE "), IMAPCommand.mailbox(configuration.folder)])) { response in
            guard case .untagged(let rest) = response.kind else { return }
            if let count = IMAPData.exists(rest) { messageCount = count }
            if let status = IMAPStatus(rest), status.condition == .ok, let code = status.code {
                if code.name == "UIDVALIDITY" { uidValidity = UInt32(code.arguments) }
                if code.name == "UIDNEXT" { uidNext = UInt32(code.arguments) }
            }
        }
        switch status.condition {
        case .ok: break
        case .no: throw IMAPError.folderNotFound("\(configuration.folder): \(status.summary)")
        default: throw IMAPError.protocolViolation("the server answered EXAMINE with \(status.summary)")
        }
        guard let uidValidity else { throw IMAPError.protocolViolation("the server opened the folder without saying its UIDVALIDITY") }
        return Folder(uidValidity: uidValidity, uidNext: uidNext, messageCount: messageCount)
    }

    /// The UIDs from `first` on, ascending. `first:*` always matches the folder's last message, even
    /// when its UID is below `first` (RFC 9051 section 6.4.8), so that one is dropped here.
    mutating func uids(from first: UInt32) async throws -> [UInt32] {
        var found: [UInt32] = []
        let status = try await run(IMAPCommand("UID SEARCH UID \(first):*")) { response in
            guard case .untagged(let rest) = response.kind, let uids = try IMAPData.searchResults(rest) else { return }
            found.append(contentsOf: uids)
        }
        guard status.condition == .ok else { throw IMAPError.protocolViolation("the server answered UID SEARCH with \(status.summary)") }
        return Array(Set(found.filter { $0 >= first })).sorted()
    }

    /// The messages with these UIDs (ascending), in UID order. A message deleted since the search is
    /// simply not there.
    mutating func fetch(_ uids: [UInt32]) async throws -> [IMAPFetchedMessage] {
        let wanted = Set(uids)
        var messages: [UInt32: IMAPFetchedMessage] = [:]
        let status = try await run(IMAPCommand("UID FETCH \(IMAPData.sequenceSet(uids)) (UID BODY.PEEK[])")) { response in
            guard let message = try IMAPData.fetchedMessage(response), wanted.contains(message.uid) else { return }
            messages[message.uid] = message
        }
        guard status.condition == .ok else { throw IMAPError.protocolViolation("the server answered UID FETCH with \(status.summary)") }
        return messages.values.sorted { $0.uid < $1.uid }
    }

    /// Says goodbye; the work is done, so a failure here changes nothing.
    mutating func logOut() async {
        _ = try? await run(IMAPCommand("LOGOUT"))
    }

    // MARK: - Commands

    /// Sends a command and reads responses up to its tagged completion, handing each untagged one to
    /// `untagged`. Literals go inline where the server allows (LITERAL+), else each after the
    /// server's go-ahead; a command the server ends before its go-ahead returns that status.
    @discardableResult
    private mutating func run(_ command: IMAPCommand, untagged: (IMAPResponse) throws -> Void = { _ in }) async throws -> IMAPStatus {
        tagNumber += 1
        let tag = "W\(tagNumber)"
        let step = command.logged
        logger.trace("IMAP command", metadata: ["command": "\(tag) \(step)"])
        var pending = Array("\(tag) ".utf8)
        for piece in command.pieces {
            switch piece {
            case .text(let text):
                pending += Array(text.utf8)
            case .literal(let bytes) where capabilities.contains("LITERAL+"):
                pending += Array("{\(bytes.count)+}\r\n".utf8) + bytes
            case .literal(let bytes):
                connection.write(pending + Array("{\(bytes.count)}\r\n".utf8))
                if let status = try await awaitGoAhead(tag: tag, step: step, untagged: untagged) { return status }
                pending = bytes
            case .continuation(let line):
                connection.write(pending + Array("\r\n".utf8))
                if let status = try await awaitGoAhead(tag: tag, step: step, untagged: untagged) { return status }
                pending = line
            }
        }
        connection.write(pending + Array("\r\n".utf8))
        while true {
            let response = try await connection.next(step)
            switch response.kind {
            case .untagged:
                try handleUntagged(response, during: step, untagged: untagged)
            case .continuation:
                throw IMAPError.protocolViolation("the server asked for more of \(step), which was complete")
            case .tagged(let responseTag, let rest):
                return try completion(tag: tag, responseTag: responseTag, rest: rest, step: step)
            }
        }
    }

    /// Waits for `+`; nil when it comes, the status when the server ends the command instead.
    private mutating func awaitGoAhead(tag: String, step: String, untagged: (IMAPResponse) throws -> Void) async throws -> IMAPStatus? {
        while true {
            let response = try await connection.next(step)
            switch response.kind {
            case .untagged: try handleUntagged(response, during: step, untagged: untagged)
            case .continuation: return nil
            case .tagged(let responseTag, let rest): return try completion(tag: tag, responseTag: responseTag, rest: rest, step: step)
            }
        }
    }

    private mutating func handleUntagged(_ response: IMAPResponse, during step: String, untagged: (IMAPResponse) throws -> Void) throws {
        guard case .untagged(let rest) = response.kind else { return }
        if rest.uppercased().hasPrefix("CAPABILITY ") {
            capabilities = IMAPData.capabilities(String(rest.dropFirst("CAPABILITY ".count)))
        } else if response.literals.isEmpty, let status = IMAPStatus(rest) {
            takeCapabilities(from: status)
            if status.condition == .bye, step != "LOGOUT" {
                throw IMAPError.unreachable("the server ended the session during \(step): \(status.text)")
            }
        }
        try untagged(response)
    }

    private mutating func completion(tag: String, responseTag: String, rest: String, step: String) throws -> IMAPStatus {
        guard responseTag == tag, let status = IMAPStatus(rest), [.ok, .no, .bad].contains(status.condition) else {
            throw IMAPError.protocolViolation("the server answered \(step) with \(responseTag) \(rest.prefix(120))")
        }
        takeCapabilities(from: status)
        return status
    }

    private mutating func takeCapabilities(from status: IMAPStatus) {
        if let code = status.code, code.name == "CAPABILITY" { capabilities = IMAPData.capabilities(code.arguments) }
    }
}
