import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WayfinderApp

@Suite("Career agent pages")
struct CareerAgentPageTests {
    static let resume = "Jo Tester\njo@example.com\n\nExperience\nEngineer, Acme — 2019 – Present\n- Built 3 Swift services\n- Responsible for on-call\n\nSkills\nSwift, SQL\n"

    @Test("resume and roadmap pages belong to their owner: another user gets 404 and sees none of them")
    func ownership() async throws {
        try await WebTestApp.withApp { services, client in
            let administration = services.accounts.administration
            let (owner, _) = try await administration.provision(email: "owner@example.com", password: "Owner-Pass-2026!", name: "Owner", groups: [.candidate])
            _ = try await administration.provision(email: "other@example.com", password: "Other-Pass-2026!", name: "Other", groups: [.candidate])
            let actor = Actor(userID: owner.id, groups: owner.groups)
            let resume = try await services.careerAgent.resumes.upload(actor: actor, fileName: "cv.txt", contentType: "text/plain",
                                                                       data: Data(Self.resume.utf8))
            let roadmap = try await services.careerAgent.roadmaps.create(actor: actor, targetRole: "engineer", currentRole: nil)

            let mine = Browser(client)
            try await mine.signIn("owner@example.com", "Owner-Pass-2026!")
            let page = try await mine.get("/resumes/\(resume.id)")
            #expect(page.status == .ok && page.html.contains("<mark") && page.html.contains("svg"))
            #expect(try await mine.get("/roadmaps/\(roadmap.roadmap.id)").status == .ok)
            #expect(try await mine.get("/resumes").html.contains("cv.txt"))

            let theirs = Browser(client)
            try await theirs.signIn("other@example.com", "Other-Pass-2026!")
            #expect(try await theirs.get("/resumes/\(resume.id)").status == .notFound)
            #expect(try await theirs.get("/roadmaps/\(roadmap.roadmap.id)").status == .notFound)
            #expect(try await theirs.get("/resumes/\(resume.id)/file").status == .notFound)
            #expect(!(try await theirs.get("/resumes").html.contains("cv.txt")))
            #expect(try await Browser(client).get("/resumes").status == .seeOther)
        }
    }

    @Test("the market page draws its charts as SVG with the figures as text")
    func market() async throws {
        try await WebTestApp.withApp { _, client in
            let page = try await Browser(client).get("/market?role=engineer")
            #expect(page.status == .ok)
            #expect(page.html.contains("<svg class=\"chart\"") && page.html.contains("role=\"img\""))
            #expect(page.html.contains("Open postings"))
        }
    }
}
