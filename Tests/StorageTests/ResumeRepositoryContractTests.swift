import CareerAgent
import Foundation
import Storage
import Testing

@Suite("Resume repository contract")
struct ResumeRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func resume(_ id: String, owner: String, minutesAgo: Double = 0) -> Resume {
        var parsed = ParsedResume(contact: ResumeContact(name: "Jo Tester", email: "jo@example.com"), summary: "Engineer",
                                  totalYearsOfExperience: 4.5)
        parsed.experience = [ExperienceEntry(title: "Engineer", employer: "Acme", start: YearMonth(year: 2020, month: 3), end: nil,
                                             isCurrent: true, bullets: [ResumeLine(text: "Built things", span: TextSpan(start: 30, end: 42))],
                                             span: TextSpan(start: 10, end: 29))]
        return Resume(id: id, userID: owner, fileName: "cv-\(id).txt", contentType: "text/plain", byteSize: 120,
                      blobKey: "resumes/\(owner)/\(id)", text: "Jo Tester\nEngineer, Acme 2020 – Present\n- Built things", parsed: parsed,
                      isPrimary: false, createdAt: now.addingTimeInterval(-minutesAgo * 60))
    }

    @Test("the first resume is primary; reads round-trip and belong to their owner only", arguments: StorageBackend.available)
    func ownership(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let resumes = SQLResumeRepository(store: store)
            let first = try await resumes.insert(Self.resume("r1", owner: "u1", minutesAgo: 10))
            let second = try await resumes.insert(Self.resume("r2", owner: "u1"))
            #expect(first.isPrimary && !second.isPrimary)
            #expect(try await resumes.resume(id: "r1", owner: "u1") == first)
            #expect(try await resumes.resume(id: "r1", owner: "u2") == nil)
            #expect(try await resumes.resumes(owner: "u1").map(\.id) == ["r2", "r1"])
            #expect(try await resumes.resumes(owner: "u2").isEmpty)
            #expect(try await resumes.primary(owner: "u1")?.id == "r1")
            #expect(try await resumes.markPrimary(id: "r1", owner: "u2") == false)
            #expect(try await resumes.delete(id: "r1", owner: "u2") == nil)
        }
    }

    @Test("one primary at a time; deleting it promotes the newest remaining", arguments: StorageBackend.available)
    func primary(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let resumes = SQLResumeRepository(store: store)
            _ = try await resumes.insert(Self.resume("r1", owner: "u1", minutesAgo: 20))
            _ = try await resumes.insert(Self.resume("r2", owner: "u1", minutesAgo: 10))
            _ = try await resumes.insert(Self.resume("r3", owner: "u1"))
            #expect(try await resumes.markPrimary(id: "r2", owner: "u1"))
            #expect(try await resumes.resumes(owner: "u1").filter(\.isPrimary).map(\.id) == ["r2"])
            #expect(try await resumes.delete(id: "r2", owner: "u1")?.id == "r2")
            #expect(try await resumes.resumes(owner: "u1").filter(\.isPrimary).map(\.id) == ["r3"])
        }
    }
}

@Suite("Roadmap repository contract")
struct RoadmapRepositoryContractTests {
    @Test("roadmaps round-trip, keep their learned skills and belong to their owner only", arguments: StorageBackend.available)
    func roundTrip(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let roadmaps = SQLRoadmapRepository(store: store)
            let now = ResumeRepositoryContractTests.now
            var roadmap = Roadmap(id: "m1", userID: "u1", targetRole: "Data Engineer", currentRole: nil, learned: [], createdAt: now, updatedAt: now)
            try await roadmaps.insert(roadmap)
            #expect(try await roadmaps.roadmap(id: "m1", owner: "u1") == roadmap)
            #expect(try await roadmaps.roadmap(id: "m1", owner: "u2") == nil)
            roadmap.learned = ["Apache Kafka", "dbt"]
            roadmap.updatedAt = now.addingTimeInterval(60)
            #expect(try await roadmaps.update(roadmap))
            #expect(try await roadmaps.roadmaps(owner: "u1") == [roadmap])
            var stranger = roadmap
            stranger.userID = "u2"
            #expect(try await roadmaps.update(stranger) == false)
        }
    }
}

@Suite("Application repository contract")
struct ApplicationRepositoryContractTests {
    @Test("applications round-trip with contacts and dates; timelines keep their order; owners only", arguments: StorageBackend.available)
    func roundTrip(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let repository = SQLApplicationRepository(store: store)
            let now = ResumeRepositoryContractTests.now
            var application = JobApplication(
                id: "a1", userID: "u1", jobID: nil, company: "Globex", title: "Engineer", url: "https://globex.example", status: .applied,
                notes: "", contacts: [ApplicationContact(name: "Sam", email: "sam@globex.example", role: nil)], nextAction: "Follow up",
                nextActionDate: now.addingTimeInterval(86_400), createdAt: now, updatedAt: now)
            try await repository.insert(application, event: ApplicationEvent(applicationID: "a1", at: now, from: nil, to: .applied, source: .user))
            #expect(try await repository.application(id: "a1", owner: "u1") == application)
            #expect(try await repository.application(id: "a1", owner: "u2") == nil)
            application.status = .interview
            application.updatedAt = now.addingTimeInterval(60)
            #expect(try await repository.update(application, event: ApplicationEvent(applicationID: "a1", at: now.addingTimeInterval(60),
                                                                                     from: .applied, to: .interview, source: .email)))
            #expect(try await repository.events(applicationID: "a1", owner: "u1").map(\.to) == [.applied, .interview])
            #expect(try await repository.events(applicationID: "a1", owner: "u2").isEmpty)
            #expect(try await repository.applications(owner: "u1", status: .interview).map(\.id) == ["a1"])
            #expect(try await repository.delete(id: "a1", owner: "u2") == false)
            #expect(try await repository.delete(id: "a1", owner: "u1"))
            #expect(try await repository.events(owner: "u1").isEmpty)
        }
    }
}
