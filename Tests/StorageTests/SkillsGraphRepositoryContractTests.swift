import Domain
import Foundation
import SkillsGraph
import Storage
import Testing

@Suite("Skills graph storage contract")
struct SkillsGraphRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func question(_ id: String, level: Int = 1, kind: AssessmentQuestion.Kind = .multipleChoice) -> AssessmentQuestion {
        kind == .openAnswer
            ? AssessmentQuestion(id: id, skillID: "sql", level: level, kind: kind, prompt: "Why?",
                                 rubric: [RubricPoint(id: "r", description: "d", weight: 1, cues: ["index"])])
            : AssessmentQuestion(id: id, skillID: "sql", level: level, kind: kind, prompt: "Pick", choices: ["a", "b"], correct: [0])
    }

    static func session(_ id: String, user: String, questions: [String]) -> InterviewSession {
        InterviewSession(id: id, userID: user, skillID: "sql", status: .inProgress, startedAt: now, deadline: now.addingTimeInterval(600),
                         questionIDs: questions)
    }

    @Test("questions import by id (added, updated, unchanged); sessions count exposures per question and what each user saw",
          arguments: StorageBackend.available)
    func questionsAndExposures(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let repository = SQLAssessmentRepository(store: store, clock: { Self.now })
            #expect(try await repository.saveQuestions([Self.question("q1"), Self.question("q2", level: 2)]) == QuestionImportSummary(added: 2))
            var changed = Self.question("q2", level: 2)
            changed.prompt = "Pick again"
            #expect(try await repository.saveQuestions([Self.question("q1"), changed]) == QuestionImportSummary(updated: 1, unchanged: 1))
            #expect(try await repository.questions(skillID: "sql").map(\.prompt) == ["Pick", "Pick again"])
            #expect(try await repository.bankedSkills() == [BankedSkill(skillID: "sql", questionsPerLevel: [1: 1, 2: 1])])
            try await repository.insert(Self.session("s1", user: "u1", questions: ["q1", "q2"]))
            try await repository.insert(Self.session("s2", user: "u2", questions: ["q1"]))
            let (takers, exposures) = try await repository.exposures(skillID: "sql")
            #expect(takers == 2 && exposures == ["q1": 2, "q2": 1])
            #expect(try await repository.seenQuestions(userID: "u1", skillID: "sql") == ["q1", "q2"])
            #expect(try await repository.session(id: "s1", owner: "u2") == nil)
            #expect(try await repository.latestSession(userID: "u1", skillID: "sql")?.id == "s1")
        }
    }

    @Test("answers save only while the session runs; marking happens once; a review decision is taken once and audited",
          arguments: StorageBackend.available)
    func markingAndReview(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let repository = SQLAssessmentRepository(store: store, clock: { Self.now })
            _ = try await repository.saveQuestions([Self.question("q1"), Self.question("q2", level: 2, kind: .openAnswer)])
            try await repository.insert(Self.session("s1", user: "u1", questions: ["q1", "q2"]))
            #expect(try await repository.saveAnswer(SessionAnswer(sessionID: "s1", questionID: "q1", value: .choices([0]), answeredAt: Self.now)))
            #expect(try await repository.saveAnswer(SessionAnswer(sessionID: "s1", questionID: "q2", value: .text("an index"), answeredAt: Self.now)))
            let marking = AnswerMarking(score: 0.4, confidence: 0.5, method: .rubric,
                                        rubric: RubricScorer().score("an index", rubric: Self.question("q2", kind: .openAnswer).rubric))
            var finished = Self.session("s1", user: "u1", questions: ["q1", "q2"])
            finished.status = .inReview
            finished.score = 70
            finished.level = 1
            finished.finishedAt = Self.now.addingTimeInterval(60)
            let answers = [SessionAnswer(sessionID: "s1", questionID: "q1", value: .choices([0]), answeredAt: Self.now,
                                         marking: AnswerMarking(score: 1, confidence: 1, method: .key)),
                           SessionAnswer(sessionID: "s1", questionID: "q2", value: .text("an index"), answeredAt: Self.now, marking: marking,
                                         fingerprint: "f1", review: AnswerReview(status: .pending, reasons: ["unsure"]))]
            #expect(try await repository.finish(finished, answers: answers))
            #expect(try await repository.finish(finished, answers: answers) == false)
            #expect(try await repository.saveAnswer(SessionAnswer(sessionID: "s1", questionID: "q1", value: .choices([1]), answeredAt: Self.now)) == false)
            let read = try await repository.answers(sessionID: "s1")
            #expect(read.first { $0.questionID == "q2" }?.marking == marking)
            #expect(read.first { $0.questionID == "q1" }?.value == .choices([0]))
            #expect(try await repository.pendingReviews(limit: 10).map(\.answer.questionID) == ["q2"])
            #expect(try await repository.sameAnswers(questionID: "q2", fingerprint: "f1", excludingSession: "other").map(\.userID) == ["u1"])

            let decision = ReviewDecision(sessionID: "s1", questionID: "q2", reviewerID: "r1", decidedAt: Self.now.addingTimeInterval(120),
                                          previousScore: 0.4, score: 0.9, note: "Good enough")
            #expect(try await repository.decide(decision))
            #expect(try await repository.decide(decision) == false)
            #expect(try await repository.decisions(sessionID: "s1") == [decision])
            let decided = try await repository.answers(sessionID: "s1").first { $0.questionID == "q2" }
            #expect(decided?.review?.status == .decided && decided?.effectiveScore == 0.9 && decided?.review?.reviewerID == "r1")
            #expect(try await repository.pendingReviews(limit: 10).isEmpty)

            let skill = VerifiedSkill(userID: "u1", skillID: "sql", level: 2, score: 80, sessionID: "s1", verifiedAt: Self.now,
                                      expiresAt: Self.now.addingTimeInterval(86_400))
            try await repository.saveVerifiedSkill(skill)
            try await repository.saveVerifiedSkill(skill)
            #expect(try await repository.verifiedSkills(userID: "u1") == [skill])
            #expect(try await repository.verifiedSkills(userID: "u2").isEmpty)
        }
    }

    @Test("matches: replacing a candidate's pairs, removing a posting's, the top list's summary, the run lease",
          arguments: StorageBackend.available)
    func matches(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let repository = SQLMatchRepository(store: store)
            func pair(_ user: String, _ row: Int64, _ score: Int, top: Bool = true, company: Bool = false) -> StoredMatch {
                StoredMatch(userID: user, rowID: row, jobID: "j\(row)", score: score, inTop: top, forCompany: company, expiresAt: nil, computedAt: Self.now)
            }
            try await repository.replace(userID: "u1", fingerprint: "a", with: [pair("u1", 1, 90), pair("u1", 2, 70), pair("u1", 3, 65, top: false, company: true)])
            try await repository.replace(userID: "u2", fingerprint: "b", with: [pair("u2", 2, 80)])
            #expect(try await repository.fingerprints() == ["u1": "a", "u2": "b"])
            #expect(try await repository.matches(userID: "u1").map(\.rowID) == [1, 2, 3])
            #expect(try await repository.matches(rowIDs: [2]).map(\.userID) == ["u2", "u1"])
            let summaries = try await repository.rankedSummaries()
            #expect(summaries["u1"] == RankedSummary(count: 2, lowest: 70, complete: true))
            try await repository.remove(rowIDs: [2])
            #expect(try await repository.matches(rowIDs: [2]).isEmpty)
            try await repository.markNotified(userID: "u1", rowIDs: [1], at: Self.now)
            #expect(try await repository.matches(userID: "u1").first?.notifiedAt == Self.now)
            try await repository.replace(userID: "u1", fingerprint: "c", with: [])
            #expect(try await repository.matches(userID: "u1").isEmpty)
            #expect(try await repository.fingerprints()["u1"] == "c")
            try await repository.remove(userID: "u2")
            #expect(try await repository.fingerprints()["u2"] == nil)

            #expect(try await repository.lease(until: Self.now.addingTimeInterval(60), now: Self.now))
            #expect(try await repository.lease(until: Self.now.addingTimeInterval(60), now: Self.now.addingTimeInterval(30)) == false)
            #expect(try await repository.lease(until: Self.now.addingTimeInterval(200), now: Self.now.addingTimeInterval(61)))
            try await repository.releaseLease()
            #expect(try await repository.lease(until: Self.now.addingTimeInterval(60), now: Self.now))
            try await repository.setCursor(42)
            #expect(try await repository.cursor() == 42)
        }
    }

    @Test("an invitation is accepted once; a contact request is one per job and candidate and answered once; a notification lands once per key",
          arguments: StorageBackend.available)
    func onceOnly(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let companies = SQLCompanyRepository(store: store)
            let company = Company(id: "c1", name: "Alpha", website: nil, about: nil, location: nil, createdAt: Self.now, updatedAt: Self.now)
            try await companies.create(company, owner: CompanyMember(companyID: "c1", userID: "u1", name: "O", email: "o@a.example", role: .owner, addedAt: Self.now))
            #expect(try await companies.company(id: "c1", member: "u1")?.role == .owner)
            #expect(try await companies.company(id: "c1", member: "u2") == nil)
            let invitation = CompanyInvitation(id: "i1", companyID: "c1", email: "r@a.example", role: .recruiter, invitedBy: "u1", createdAt: Self.now,
                                               expiresAt: Self.now.addingTimeInterval(86_400))
            try await companies.insertInvitation(invitation, tokenHash: "hash-1")
            #expect(try await companies.invitation(tokenHash: "hash-1") == invitation)
            let member = CompanyMember(companyID: "c1", userID: "u2", name: "R", email: "r@a.example", role: .recruiter, addedAt: Self.now)
            #expect(try await companies.accept(invitation, member: member))
            #expect(try await companies.accept(invitation, member: member) == false)
            #expect(try await companies.members(companyID: "c1").map(\.userID) == ["u1", "u2"])

            let contacts = SQLContactRequestRepository(store: store)
            let request = ContactRequest(id: "r1", jobID: "j1", companyID: "c1", candidateID: "u9", requestedBy: "u1", message: "Hi", status: .pending,
                                         createdAt: Self.now)
            #expect(try await contacts.insert(request).created)
            var again = request
            again.id = "r2"
            let second = try await contacts.insert(again)
            #expect(!second.created && second.request.id == "r1")
            #expect(try await contacts.request(id: "r1", candidateID: "u8") == nil)
            #expect(try await contacts.answer(id: "r1", candidateID: "u9", status: .accepted, at: Self.now))
            #expect(try await contacts.answer(id: "r1", candidateID: "u9", status: .declined, at: Self.now) == false)
            #expect(try await contacts.requests(jobID: "j1").first?.status == .accepted)

            let notifications = SQLNotificationRepository(store: store)
            let notification = SkillsNotification(id: "n1", userID: "u9", kind: .contactRequest, title: "T", body: "B", link: "/x", createdAt: Self.now)
            #expect(try await notifications.insert(notification, key: "k1"))
            var duplicate = notification
            duplicate.id = "n2"
            #expect(try await notifications.insert(duplicate, key: "k1") == false)
            #expect(try await notifications.unreadCount(userID: "u9") == 1)
            try await notifications.setMailPreference(userID: "u9", .daily)
            #expect(try await notifications.unmailedDigests(before: Self.now)["u9"]?.map(\.id) == ["n1"])
            try await notifications.markMailed(ids: ["n1"], at: Self.now)
            #expect(try await notifications.unmailedDigests(before: Self.now).isEmpty)
            #expect(try await notifications.markRead(userID: "u8", ids: nil, at: Self.now) == 0)
            #expect(try await notifications.markRead(userID: "u9", ids: nil, at: Self.now) == 1)
            #expect(try await notifications.unreadCount(userID: "u9") == 0)
        }
    }
}
