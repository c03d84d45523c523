import AccessGovernance
import Accounts
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WayfinderApp

@Suite("Access pages")
struct AccessPageTests {
    /// Northwind's directory, three of its people with accounts, and an administrator; answers account ids by email.
    @discardableResult
    static func company(_ services: AppServices) async throws -> [String: String] {
        _ = try await services.accessGovernance.directory.importDocument(try DemoDirectory.document())
        let administration = services.accounts.administration
        var ids: [String: String] = [:]
        for (email, name) in [("priya.shah@northwind.example", "Priya"), ("leo.novak@northwind.example", "Leo"), ("marcus.reed@northwind.example", "Marcus")] {
            ids[email] = try await administration.provision(email: email, password: "Access-Pass-2026!", name: name, groups: [.candidate]).0.id
        }
        _ = try await administration.provision(email: "root@example.com", password: "Root-Pass-2026!", name: "Root", groups: [.admin])
        return ids
    }

    @Test("the chat asks for the missing role, then decides; the request page explains it; markup is shown escaped; another user gets 404")
    func chatToDecision() async throws {
        try await WebTestApp.withApp { services, client in
            try await Self.company(services)
            let priya = Browser(client)
            try await priya.signIn("priya.shah@northwind.example", "Access-Pass-2026!")
            let asked = try await priya.post("/access/chat", [("text", "I need Workday"), ("session_id", "")])
            #expect(asked.status == .seeOther)
            let location = try #require(asked.headers[.location])
            let conversation = try await priya.get(location)
            #expect(conversation.html.contains("Which role in Workday do you need?"))
            let session = try #require(conversation.html.firstMatch(of: /name="session_id" value="([0-9a-f-]{36})"/)?.output.1).description
            let answered = try await priya.post("/access/chat", [("text", "Employee Self-Service <b>please</b>"), ("session_id", session)])
            let done = try await priya.get(try #require(answered.headers[.location]))
            // Markup in a request is read as data and keeps it from being approved without a person.
            #expect(done.html.contains("Your request for Employee Self-Service in Workday for Priya Shah is valid and waits for approval by manager"))
            let link = try #require(done.html.firstMatch(of: /href="(\/access\/requests\/[0-9a-f-]{36})"/)?.output.1).description
            let detail = try await priya.get(link)
            #expect(detail.html.contains("Employee Self-Service in Workday for Priya Shah"))
            #expect(detail.html.contains("waiting for approval") && detail.html.contains("History") && detail.html.contains("markup"))
            #expect(detail.html.contains("&lt;b&gt;please&lt;/b&gt;") && !detail.html.contains("<b>please</b>"))

            let marcus = Browser(client)
            try await marcus.signIn("marcus.reed@northwind.example", "Access-Pass-2026!")
            #expect(try await marcus.get(link).status == .notFound)
            #expect(try await marcus.post("/access/chat", [("text", "Jira User"), ("session_id", session)]).headers[.location] == "/access")
            #expect(try await priya.post("/access/chat", [("text", "x")], csrf: .some(nil)).status == .forbidden)
        }
    }

    @Test("the manager approves from the queue with a comment and the request is granted; the requester cannot approve their own")
    func approvalQueue() async throws {
        try await WebTestApp.withApp { services, client in
            let ids = try await Self.company(services)
            let priya = AccessCaller(accountID: ids["priya.shah@northwind.example"]!, email: "priya.shah@northwind.example", isAdmin: false)
            let request = try await services.accessGovernance.requests.submit(text: "I need Jira Project Admin", caller: priya)
            let leo = Browser(client)
            try await leo.signIn("leo.novak@northwind.example", "Access-Pass-2026!")
            let queue = try await leo.get("/access/approvals")
            #expect(queue.html.contains("/access/requests/\(request.id)") && queue.html.contains("Project Admin in Jira"))
            let decided = try await leo.post("/access/requests/\(request.id)/decide", [("decision", "approve"), ("comment", "for the migration")])
            #expect(decided.status == .seeOther)
            let page = try await leo.get("/access/requests/\(request.id)")
            #expect(page.html.contains("for the migration") && page.html.contains("Grant"))
            #expect(try await services.accessGovernance.requests.request(id: request.id, caller: priya).status == .granted)
            let again = try await services.accessGovernance.requests.submit(text: "I need Tableau Creator", caller: priya)
            let own = Browser(client)
            try await own.signIn("priya.shah@northwind.example", "Access-Pass-2026!")
            #expect(try await own.post("/access/requests/\(again.id)/decide", [("decision", "approve")]).status == .conflict)
        }
    }

    @Test("an admin drafts a rule from a policy's text, saves it after review, and reads a verified audit log; others get 403")
    func adminPages() async throws {
        try await WebTestApp.withApp { services, client in
            try await Self.company(services)
            let root = Browser(client)
            try await root.signIn("root@example.com", "Root-Pass-2026!")
            #expect(try await root.get("/access/admin").html.contains("17 users"))
            let drafted = try await root.post("/access/admin/policies/POL-009/draft", [])
            #expect(drafted.html.contains("Save rule"))
            let rule = #"{"effect": "deny", "roles": ["okta-super-admin"], "allow_if": {"user_department_in": ["IT"]}}"#
            #expect(try await root.post("/access/admin/policies/POL-009/rule", [("rule", rule)]).status == .seeOther)
            let snapshot = try await services.accessGovernance.directory.snapshot()
            #expect(snapshot.document.policies.first { $0.policyID == "POL-009" }?.rule?.roles == ["okta-super-admin"])
            let bad = try await root.post("/access/admin/policies/POL-009/rule", [("rule", #"{"effect": "maybe", "all_roles": true}"#)])
            #expect(bad.html.contains("rule.effect"))
            let audit = try await root.get("/access/audit")
            #expect(audit.html.contains("intact") && audit.html.contains("directory.changed"))
            let lines = try await root.get("/access/audit.jsonl")
            #expect(lines.headers[.contentType]?.hasPrefix("application/x-ndjson") == true)
            let leo = Browser(client)
            try await leo.signIn("leo.novak@northwind.example", "Access-Pass-2026!")
            #expect(try await leo.get("/access/admin").status == .forbidden)
            #expect(try await leo.get("/access/audit").status == .forbidden)
        }
    }
}
