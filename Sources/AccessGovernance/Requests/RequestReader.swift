/// Reads an access request's text into directory entities, without deciding anything: who, which
/// application, which role, for how long; what is missing, unknown or ambiguous; and how sure it is.
///
/// Everything in the text is data. Instructions, claims of approval, markup, headers and JSON are found
/// first and their words are left out, so they can neither name an entity nor hide one.
public struct RequestReader: Sendable {
    let snapshot: DirectorySnapshot

    public init(snapshot: DirectorySnapshot) {
        self.snapshot = snapshot
    }

    /// `prior` carries the slots of earlier chat turns: the role is read inside their application,
    /// and a slot the new text does not give keeps its earlier value.
    public func read(_ text: String, requester: DirectoryUser?, prior: AccessEntities = AccessEntities()) -> RequestReading {
        var reading = RequestReading()
        let findings = InjectionScanner().findings(in: text)
        reading.injections = findings.map { InjectionNote(kind: $0.kind, text: String(text[$0.range])) }
        let tokens = RequestTokenizer.tokens(of: text)
        // Left out: what steers the reader, and the sign-off, which describes the writer.
        let signOff = SignOff.start(in: text).map { $0..<text.endIndex }
        let leftOut = findings.map(\.range) + (signOff.map { [$0] } ?? [])
        let ignored = Set(tokens.indices.filter { index in leftOut.contains { $0.overlaps(tokens[index].range) } })
        let mentions = MentionFinder(lexicon: snapshot.lexicon).mentions(in: tokens, text: text, ignoring: ignored)
        let request = RequestText(text: text, tokens: tokens, ignored: ignored, mentions: mentions)
        let unknowns = UnknownMentionFinder(snapshot: snapshot)
        var confidence = 1.0

        if let duration = DurationReader.read(text, ignoring: leftOut) {
            reading.entities.duration = duration.duration
            reading.notes.append("duration \(duration.duration) from \"\(duration.text)\"")
        } else {
            reading.entities.duration = prior.duration
        }

        // Application and role.
        let found = ApplicationRoleReader(snapshot: snapshot).read(request, priorAppID: prior.appID)
        reading.entities.appID = found.appID
        reading.entities.roleID = found.roleID ?? (found.roleMention == nil && found.appMention == nil ? prior.roleID : nil)
        reading.roleOutsideApplication = found.roleOutsideApplication
        reading.notes += found.notes
        if found.appInferred { confidence -= 0.1 }
        if found.appMention?.form == .abbreviation { confidence -= 0.05 }
        if let ambiguity = found.ambiguity { reading.question = ambiguity }

        // User.
        var userImplicit = false
        switch UserReader().read(request) {
        case let .user(id, how, partial):
            reading.entities.userID = id
            reading.notes.append("user \(id) from \"\(how)\"")
            if partial { confidence -= 0.1 }
        case .requester(let implicit):
            if let requester {
                reading.entities.userID = prior.userID ?? requester.userID
                if implicit && prior.userID == nil {
                    userImplicit = true
                    reading.notes.append("no one else is named: the request is for the requester")
                    confidence -= 0.1
                }
            } else {
                reading.entities.userID = prior.userID
                if prior.userID == nil { reading.notes.append("the requester is not in the directory") }
            }
        case .unnamedPerson(let text):
            reading.entities.userID = nil
            reading.notes.append("\"\(text)\" does not say who")
        case let .ambiguous(text, ids):
            if reading.question == nil {
                reading.question = ClarifyingQuestion(
                    slot: .user, text: "Who do you mean by \"\(text)\"?",
                    candidates: ids.map { ClarifyingQuestion.Candidate(id: $0, name: snapshot.user($0).map { "\($0.name) (\($0.email))" } ?? $0) },
                    isAmbiguity: true)
            }
        case .none:
            reading.entities.userID = prior.userID
        }

        // What the directory does not know. The role is read inside the application the text names, so
        // when that application is unknown, so is what the role means.
        for range in unknowns.foreignWords(in: request) {
            reading.unknown.append(unknowns.unknownForeignWord(range, in: request, appID: found.appMention == nil ? nil : reading.entities.appID,
                                                               applicationNamed: found.appMention != nil))
        }
        if found.appMention == nil, !reading.unknown.contains(where: { $0.slot == .app }),
           let unknown = unknowns.unknownApplication(in: request, strict: found.appInferred)
            ?? found.roleMention.flatMap({ unknowns.unknownApplication(before: $0, in: request, strict: found.appInferred) }) {
            reading.unknown.append(unknown)
        }
        // "a Figma Editor seat": two unknown words before the role noun are an application and its role.
        if found.appMention == nil, !found.appInferred, found.roleMention == nil, !reading.unknown.contains(where: { $0.slot == .app }),
           let role = unknowns.unknownRole(in: request, appID: nil, appMention: nil), let first = role.text.split(separator: " ").first,
           role.text.contains(" "), first.first?.isUppercase == true {
            reading.unknown.append(UnknownMention(slot: .app, text: String(first), suggestion: UnknownMentionFinder.suggestion(for: String(first), among: unknowns.applications)))
        }
        // A role of another application with unknown words before it ("Payrol Admin in Workday",
        // "Project Administrator in Jira") is an unknown role of the named application, not a move.
        if found.roleOutsideApplication, let mention = found.roleMention, let appID = reading.entities.appID,
           let unknown = unknowns.closestRun(in: request, from: mention.tokens.upperBound - 1, forward: false, among: unknowns.roles(in: appID), slot: .role)
            ?? unknowns.candidate(in: request, from: mention.tokens.lowerBound - 1, forward: false).flatMap({ words -> UnknownMention? in
                let text = request.written(words.lowerBound..<mention.tokens.upperBound)
                let suggestion = UnknownMentionFinder.suggestion(for: text, among: unknowns.roles(in: appID))
                guard unknowns.looksLikeName(words, in: request) || suggestion != nil else { return nil }
                return UnknownMention(slot: .role, text: text, suggestion: suggestion)
            }) {
            reading.unknown.append(unknown)
            reading.entities.roleID = nil
            reading.roleOutsideApplication = false
            reading.notes.removeAll { $0.contains("is a role of") }
        }
        // A name that passes for a person with letters of another script is no one: the user is not the requester.
        if reading.unknown.contains(where: { $0.slot == .user }) { reading.entities.userID = nil }
        let applicationUnknown = reading.unknown.contains { $0.slot == .app }
        var roleGiven = found.roleMention != nil || reading.entities.roleID != nil
        if applicationUnknown {
            reading.entities.appID = nil
            reading.entities.roleID = nil
            reading.roleOutsideApplication = false
            roleGiven = roleGiven || unknowns.unknownRole(in: request, appID: nil, appMention: nil) != nil
        } else if !roleGiven, !reading.unknown.contains(where: { $0.slot == .role }),
                  let unknown = unknowns.unknownRole(in: request, appID: reading.entities.appID, appMention: found.appMention),
                  !reading.unknown.contains(where: { $0.text == unknown.text }) {
            reading.unknown.append(unknown)
        }
        if reading.unknown.contains(where: { $0.slot == .role }) { roleGiven = true }
        if reading.entities.userID == nil || userImplicit, reading.question?.slot != .user, !reading.unknown.contains(where: { $0.slot == .user }),
           let unknown = unknowns.unknownUser(in: request), !reading.unknown.contains(where: { $0.text == unknown.text }) {
            reading.unknown.append(unknown)
            reading.entities.userID = nil
            reading.notes.removeAll { $0.hasPrefix("no one else is named") }
        }

        // What is still missing, and the question that asks for it. A role named without its application
        // ("admin", in several) leaves only the application missing.
        let unknownSlots = Set(reading.unknown.map(\.slot))
        if reading.entities.userID == nil && !unknownSlots.contains(.user) && reading.question?.slot != .user { reading.missing.append(.user) }
        if reading.entities.appID == nil && !unknownSlots.contains(.app) && reading.question?.slot != .app { reading.missing.append(.app) }
        if reading.entities.roleID == nil && !roleGiven && reading.question?.slot != .role { reading.missing.append(.role) }
        if reading.question == nil, let slot = reading.missing.first {
            reading.question = question(for: slot, reading: reading, applicationChoices: found.applicationChoices)
        }

        confidence -= 0.25 * Double(reading.unknown.count) + 0.2 * Double(reading.missing.count)
        if reading.question?.isAmbiguity == true { confidence -= 0.3 }
        if !reading.injections.isEmpty { confidence -= 0.3 }
        if mentions.filter({ $0.kind == .application }).count > 1 { confidence -= 0.05 }
        reading.confidence = (max(0, min(1, confidence)) * 100).rounded() / 100
        return reading
    }

    private func question(for slot: RequestSlot, reading: RequestReading, applicationChoices: [String]) -> ClarifyingQuestion {
        switch slot {
        case .user:
            return ClarifyingQuestion(slot: .user, text: "Who needs this access? Give their name, email or user id.", candidates: [], isAmbiguity: false)
        case .app:
            let choices = applicationChoices.isEmpty ? [] : applicationChoices
            return ClarifyingQuestion(
                slot: .app, text: choices.isEmpty ? "Which application is this for?" : "Which application: \(choices.compactMap { snapshot.application($0)?.name }.joined(separator: ", "))?",
                candidates: choices.map { ClarifyingQuestion.Candidate(id: $0, name: snapshot.application($0)?.name ?? $0) }, isAmbiguity: false)
        case .role:
            let roles = reading.entities.appID.map { snapshot.roles(in: $0) } ?? []
            let where_ = reading.entities.appID.flatMap { snapshot.application($0)?.name }.map { " in \($0)" } ?? ""
            return ClarifyingQuestion(slot: .role, text: "Which role\(where_) do you need?",
                                      candidates: roles.map { ClarifyingQuestion.Candidate(id: $0.roleID, name: $0.name) }, isAmbiguity: false)
        }
    }
}
