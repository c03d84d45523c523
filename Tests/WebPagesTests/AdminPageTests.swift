import Foundation
import HummingbirdTesting
import JobPostings
import Testing
import WayfinderApp

@Suite("Admin pages")
struct AdminPageTests {
    @Test("administrators see sources, tasks and users, and can queue a sync and change a user's groups; others get 404")
    func adminPages() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.accounts.administration.provision(email: "admin@example.com", password: "Admin-Pass-2026!", name: "Ada", groups: [.admin])
            let (jo, _) = try await services.accounts.administration.provision(email: "jo@example.com", password: "Sturdy-Pass-42", name: "Jo", groups: [.candidate])
            let source = try await services.jobSources.service.add(.init(kind: "demo", parameters: SourceParameters(count: 5), name: "Demo board"))

            let candidate = Browser(client)
            try await candidate.signIn("jo@example.com", "Sturdy-Pass-42", next: "/admin")
            #expect(try await candidate.get("/admin").status == .notFound)
            #expect(try await candidate.post("/admin/sources/\(source.id)/sync", []).status == .notFound)

            let admin = Browser(client)
            try await admin.signIn("admin@example.com", "Admin-Pass-2026!", next: "/admin")
            let page = try await admin.get("/admin")
            #expect(page.status == .ok)
            #expect(page.html.contains("Demo board") && page.html.contains("jo@example.com"))
            let before = try await services.backgroundWork.queue.statistics().queued
            #expect(try await admin.post("/admin/sources/\(source.id)/sync", []).headers[.location] == "/admin")
            #expect(try await services.backgroundWork.queue.statistics().queued == before + 1)
            _ = try await admin.post("/admin/users/\(jo.id)", [("groups", "candidate"), ("groups", "employer")])
            #expect(try await services.accounts.administration.list(limit: 10, cursor: nil).users.first { $0.id == jo.id }?.groups == [.candidate, .employer])
        }
    }
}
