import Domain
import Foundation

/// Access requests as a conversation: each turn is read with the slots of the turns before it, the
/// assistant asks for what is missing, unknown or ambiguous, and once user, application and role are
/// all known the request is submitted and decided like any other.
public final class AccessChatService: Sendable {
    private let requests: AccessRequestService
    let repository: any AccessRequestRepository
    private let clock: any WallClock
    private let newID: @Sendable () -> String

    public init(requests: AccessRequestService, repository: any AccessRequestRepository, clock: any WallClock,
                newID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }) {
        self.requests = requests
        self.repository = repository
        self.clock = clock
        self.newID = newID
    }

    public struct Reply: Sendable {
        public var session: AccessChatSession
        public var reply: String
        public var missing: [RequestSlot]
        public var unknown: [UnknownMention]
        public var question: ClarifyingQuestion?
        /// The request the turn submitted, once every slot was known.
        public var request: AccessRequest?
    }

    /// One turn. Without `sessionID` a new conversation starts; a session that belongs to another
    /// account is 404.
    public func send(_ text: String, sessionID: String?, requester requesterID: String?, caller: AccessCaller) async throws -> Reply {
        try AccessRequestService.validate(text: text)
        let now = clock.now()
        var session: AccessChatSession
        if let sessionID {
            guard let stored = try await repository.chatSession(id: sessionID, owner: caller.accountID) else {
                throw DomainError.notFound("No chat session \(sessionID). It may belong to another account.")
            }
            session = stored
            // A conversation that ended in a request starts over with the next turn.
            if session.requestID != nil {
                session.entities = AccessEntities()
                session.requestID = nil
            }
        } else {
            session = AccessChatSession(id: newID(), ownerAccountID: caller.accountID, requester: requesterID, entities: AccessEntities(),
                                        turns: [], requestID: nil, updatedAt: now)
        }
        session.turns.append(.init(speaker: .requester, text: text, at: now))
        let snapshot = try await requests.directory.snapshot()
        let requester = try AccessRequestService.requester(session.requester, caller: caller, in: snapshot)
        let assessment = AccessAssessment(text: text, requester: requester, snapshot: snapshot, prior: session.entities)
        let reading = assessment.reading
        session.entities = reading.entities

        var reply: Reply
        if reading.question != nil || !reading.unknown.isEmpty || !reading.missing.isEmpty {
            reply = Reply(session: session, reply: Self.prompt(for: reading), missing: reading.missing, unknown: reading.unknown,
                          question: reading.question, request: nil)
        } else {
            let conversation = session.turns.filter { $0.speaker == .requester }.suffix(6).map(\.text).joined(separator: "\n")
            let request = try await requests.submit(text: text, caller: caller, requester: session.requester, prior: session.entities,
                                                    recordedText: conversation)
            session.requestID = request.id
            reply = Reply(session: session, reply: Self.summary(of: request, snapshot: snapshot), missing: [], unknown: [], question: nil, request: request)
        }
        reply.session.turns.append(.init(speaker: .assistant, text: reply.reply, at: now))
        reply.session.updatedAt = now
        try await repository.save(reply.session)
        return reply
    }

    static func prompt(for reading: RequestReading) -> String {
        if let unknown = reading.unknown.first {
            let what = unknown.slot == .app ? "an application" : unknown.slot == .role ? "a role" : "a person"
            return "I don't know \(what) called \"\(unknown.text)\"." + (unknown.suggestion.map { " Did you mean \($0)?" } ?? " Which one do you mean?")
        }
        if let question = reading.question {
            let choices = question.candidates.prefix(8).map(\.name)
            return question.text + (choices.isEmpty || question.text.contains(choices[0]) ? "" : " (\(choices.joined(separator: ", ")))")
        }
        return "What else should I know?"
    }

    static func summary(of request: AccessRequest, snapshot: DirectorySnapshot) -> String {
        let role = request.entities.roleID.flatMap { snapshot.role($0) }?.name ?? "the role"
        let app = request.entities.appID.flatMap { snapshot.application($0) }?.name ?? "the application"
        let user = request.entities.userID.flatMap { snapshot.user($0) }?.name ?? "the user"
        switch request.status {
        case .granted: return "Done: \(user) has \(role) in \(app)" + (request.grant?.expiresAt.map { " until \(Timestamps.format($0))" } ?? "") + "."
        case .pendingApproval:
            return "Your request for \(role) in \(app) for \(user) is valid and waits for approval by " + request.approvals.map(\.approver.rawValue).joined(separator: ", ") + "."
        case .rejected, .denied:
            return "I can't grant \(role) in \(app) for \(user): " + request.reasons.map(\.detail).joined(separator: "; ") + "."
        default:
            return "Your request is \(request.status.rawValue)."
        }
    }
}

extension AccessChatService {
    /// A conversation of the caller's, to show again; nil for one of another account's.
    public func session(id: String, caller: AccessCaller) async throws -> AccessChatSession? {
        try await repository.chatSession(id: id, owner: caller.accountID)
    }
}
