import CareerAgent
import Domain
import Foundation
import Storage
import Testing

@Suite("Email triage storage contract")
struct EmailTriageRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func email(_ id: String, owner: String, key: String, minutesAgo: Double = 0) -> TriagedEmail {
        let analysis = EmailAnalysis(
            category: TriageValue(.interviewInvite, confidence: 0.9, evidence: [TriageEvidence(.subject, "interview invitation")]),
            company: TriageValue("Globex", confidence: 0.8, evidence: []), jobTitle: nil,
            interview: InterviewDetails(start: "2026-03-12T14:00:00-05:00", startInstant: Date(timeIntervalSince1970: 1_773_342_000),
                                        timeZone: "America/Chicago", durationMinutes: 45, timeStatus: .scheduled, confidence: 0.9, evidence: [])
        )
        return TriagedEmail(id: id, userID: owner, messageKey: key, source: .api, mailboxID: nil, fromAddress: "jobs@globex.example",
                            fromName: "Globex", subject: "Interview", sentAt: now, receivedAt: now.addingTimeInterval(-minutesAgo * 60),
                            excerpt: "Hello", analysis: analysis,
                            proposal: ProposedAction(applicationID: nil, newApplication: .init(company: "Globex", title: "Engineer"),
                                                     fromStatus: nil, toStatus: .interview, addsInterview: true, reason: "new"),
                            state: .pending, applicationID: nil, decidedAt: nil)
    }

    @Test("a message is kept once per owner and key; reads round-trip, filter by state and belong to their owner", arguments: StorageBackend.available)
    func emails(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let emails = SQLEmailRepository(store: store)
            let first = try await emails.insertOnce(Self.email("e1", owner: "u1", key: "<a@x>", minutesAgo: 5))
            #expect(first.inserted)
            let again = try await emails.insertOnce(Self.email("e2", owner: "u1", key: "<a@x>"))
            #expect(!again.inserted && again.email.id == "e1")
            #expect(try await emails.insertOnce(Self.email("e3", owner: "u2", key: "<a@x>")).inserted)
            #expect(try await emails.email(id: "e1", owner: "u1") == first.email)
            #expect(try await emails.email(id: "e1", owner: "u2") == nil)
            var confirmed = first.email
            confirmed.state = .confirmed
            confirmed.applicationID = "app-1"
            confirmed.decidedAt = Self.now
            #expect(try await emails.update(confirmed))
            var foreign = confirmed
            foreign.userID = "u2"
            #expect(try await emails.update(foreign) == false)
            #expect(try await emails.emails(owner: "u1", state: .confirmed, limit: 10).map(\.id) == ["e1"])
            #expect(try await emails.emails(owner: "u1", state: .pending, limit: 10).isEmpty)
            #expect(try await emails.email(id: "e1", owner: "u1") == confirmed)
        }
    }

    @Test("interviews replace by id, are found by calendar UID per owner; one feed token per user, found by its digest", arguments: StorageBackend.available)
    func interviewsAndFeed(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let interviews = SQLInterviewRepository(store: store)
            var interview = ScheduledInterview(
                id: "i1", userID: "u1", applicationID: "a1", emailID: "e1", company: "Globex", title: "Engineer",
                start: Self.now, startText: "2026-11-18T09:00:00-06:00", timeZone: "America/Chicago", durationMinutes: 45,
                locationOrLink: "https://globex.zoom.us/j/1", locationType: .video, status: .scheduled, calendarUID: "uid-1@x", sequence: 0,
                createdAt: Self.now, updatedAt: Self.now)
            try await interviews.save(interview)
            interview.sequence = 1
            interview.start = Self.now.addingTimeInterval(3_600)
            try await interviews.save(interview)
            #expect(try await interviews.interviews(owner: "u1") == [interview])
            #expect(try await interviews.interview(calendarUID: "uid-1@x", owner: "u1") == interview)
            #expect(try await interviews.interview(calendarUID: "uid-1@x", owner: "u2") == nil)
            #expect(try await interviews.interview(id: "i1", owner: "u2") == nil)

            try await interviews.setFeedToken(digest: "d1", owner: "u1", createdAt: Self.now)
            #expect(try await interviews.feedOwner(digest: "d1") == "u1")
            try await interviews.setFeedToken(digest: "d2", owner: "u1", createdAt: Self.now)
            #expect(try await interviews.feedOwner(digest: "d1") == nil)
            #expect(try await interviews.feedOwner(digest: "d2") == "u1")
            #expect(try await interviews.removeFeedToken(owner: "u1"))
            #expect(try await interviews.removeFeedToken(owner: "u1") == false)
            #expect(try await interviews.feedCreatedAt(owner: "u1") == nil)
        }
    }

    @Test("a mailbox keeps where its last sync stopped; only its owner reads or removes it", arguments: StorageBackend.available)
    func mailboxes(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let mailboxes = SQLMailboxRepository(store: store)
            let mailbox = ConnectedMailbox(id: "m1", userID: "u1", host: "imap.example.com", port: 993, security: .tls, username: "jo",
                                           sealedPassword: "sealed", folder: "INBOX", uidValidity: nil, lastUID: nil, lastSyncAt: nil,
                                           lastError: nil, messagesRead: 0, createdAt: Self.now)
            try await mailboxes.insert(mailbox)
            try await mailboxes.recordSync(id: "m1", uidValidity: 4_000_000_000, lastUID: 42, at: Self.now, error: nil, messagesRead: 42)
            let synced = try #require(try await mailboxes.mailbox(id: "m1", owner: "u1"))
            #expect(synced.uidValidity == 4_000_000_000 && synced.lastUID == 42 && synced.messagesRead == 42 && synced.lastSyncAt == Self.now)
            #expect(try await mailboxes.mailbox(id: "m1", owner: "u2") == nil)
            #expect(try await mailboxes.allMailboxes().map(\.id) == ["m1"])
            #expect(try await mailboxes.delete(id: "m1", owner: "u2") == false)
            #expect(try await mailboxes.delete(id: "m1", owner: "u1"))
            #expect(try await mailboxes.mailboxes(owner: "u1").isEmpty)
        }
    }

    @Test("a next action is reminded of once per date; a new date is due again; closed applications are not", arguments: StorageBackend.available)
    func reminders(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let applications = SQLApplicationRepository(store: store)
            func application(_ id: String, status: ApplicationStatus, due: Date?) -> JobApplication {
                JobApplication(id: id, userID: "u1", jobID: nil, company: "Globex", title: "Engineer", url: nil, status: status, notes: "",
                               contacts: [], nextAction: "Follow up", nextActionDate: due, createdAt: Self.now, updatedAt: Self.now)
            }
            for (id, status, due) in [("a1", ApplicationStatus.applied, Self.now.addingTimeInterval(-60)), ("a2", .rejected, Self.now.addingTimeInterval(-60)),
                                      ("a3", .applied, Self.now.addingTimeInterval(3_600))] {
                let app = application(id, status: status, due: due)
                try await applications.insert(app, event: ApplicationEvent(applicationID: id, at: Self.now, from: nil, to: status, source: .user))
            }
            let delivered = Delivered()
            let reminders = ApplicationReminders(repository: applications, clock: AdjustableWallClock(Self.now)) { application, key in
                await delivered.add(application.id + " " + key)
            }
            #expect(try await reminders.run() == 1)
            #expect(try await reminders.run() == 0)
            var moved = application("a1", status: .applied, due: Self.now.addingTimeInterval(-30))
            moved.updatedAt = Self.now
            #expect(try await applications.update(moved, event: nil))
            #expect(try await reminders.run() == 1)
            let keys = await delivered.items
            #expect(keys.count == 2 && keys.allSatisfy { $0.hasPrefix("a1 reminder:a1:") } && Set(keys).count == 2)
        }
    }

    actor Delivered {
        var items: [String] = []
        func add(_ item: String) { items.append(item) }
    }
}
