import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WayfinderApp

@Suite("Application tracker, inbox and interview pages")
struct TrackerPageTests {
    static let invitation = """
        From: Globex Recruiting <no-reply@greenhouse.io>
        To: owner@example.com
        Subject: Interview invitation: Platform Engineer at Globex
        Date: Tue, 03 Mar 2026 09:15:00 -0600
        Message-ID: <page-invite@globex.example>
        Content-Type: text/plain; charset=utf-8

        Hi Jo, we'd like to invite you to a video interview for the Platform Engineer position on
        Thursday, March 12 at 2:00 PM CT. Join: https://globex.zoom.us/j/555000111
        The Globex Talent Team
        """

    @Test("the board moves a card with its own form (no script needed), the list filters, and another user gets 404 everywhere")
    func boardWithoutScripts() async throws {
        try await WebTestApp.withApp { services, client in
            let administration = services.accounts.administration
            _ = try await administration.provision(email: "owner@example.com", password: "Owner-Pass-2026!", name: "Owner", groups: [.candidate])
            _ = try await administration.provision(email: "other@example.com", password: "Other-Pass-2026!", name: "Other", groups: [.candidate])
            let mine = Browser(client)
            try await mine.signIn("owner@example.com", "Owner-Pass-2026!")
            #expect(try await mine.post("/applications", [("company", "Initech"), ("title", "Data Analyst"), ("status", "applied")]).status == .seeOther)
            let board = try await mine.get("/applications")
            let id = try #require(board.html.firstMatch(of: /data-id="([0-9a-f-]{36})"/)?.output.1).description
            #expect(board.html.contains(#"<section class="column" data-status="applied""#))
            let moved = try await mine.post("/applications/\(id)/status", [("status", "interview")])
            #expect(moved.status == .seeOther)
            let detail = try await mine.get("/applications/\(id)")
            #expect(detail.html.contains("<strong>Interview</strong>") && detail.html.contains("Applied → <strong>Interview</strong>"))
            let saved = try await mine.post("/applications/\(id)", [("company", "Initech"), ("title", "Data Analyst"), ("status", "interview"),
                                                                   ("next_action", "Send thank-you note"), ("next_action_date", "2026-12-03"),
                                                                   ("notes", "Panel of three")])
            #expect(saved.status == .seeOther)
            #expect(try await mine.get("/applications/\(id)").html.contains("Send thank-you note"))
            let list = try await mine.get("/applications?view=list&status=interview&q=initech")
            #expect(list.html.contains("Data Analyst"))
            #expect(!(try await mine.get("/applications?view=list&status=offer").html.contains("Data Analyst")))
            #expect(try await mine.post("/applications/\(id)/status", [("status", "hired")]).status == .badRequest)
            #expect(try await mine.post("/applications/\(id)/status", [("status", "offer")], csrf: .some(nil)).status == .forbidden)

            let theirs = Browser(client)
            try await theirs.signIn("other@example.com", "Other-Pass-2026!")
            #expect(try await theirs.get("/applications/\(id)").status == .notFound)
            #expect(try await theirs.post("/applications/\(id)/status", [("status", "offer")]).status == .notFound)
            #expect(try await theirs.post("/applications/\(id)/delete", []).status == .notFound)
            #expect(!(try await theirs.get("/applications").html.contains("Initech")))
            #expect(try await Browser(client).get("/applications").status == .seeOther)
        }
    }

    @Test("a message's proposal is confirmed on the inbox page; the interview shows on the interviews page with its .ics, and the feed address once")
    func inboxAndInterviews() async throws {
        try await WebTestApp.withApp { services, client in
            let (owner, _) = try await services.accounts.administration.provision(email: "owner@example.com", password: "Owner-Pass-2026!",
                                                                                  name: "Owner", groups: [.candidate])
            _ = try await services.accounts.administration.provision(email: "other@example.com", password: "Other-Pass-2026!", name: "Other",
                                                                     groups: [.candidate])
            let email = try await services.careerAgent.inbox.receive(actor: Actor(userID: owner.id, groups: owner.groups),
                                                                     raw: Data(Self.invitation.utf8), source: .upload).email
            let mine = Browser(client)
            try await mine.signIn("owner@example.com", "Owner-Pass-2026!")
            let inbox = try await mine.get("/inbox")
            #expect(inbox.html.contains("Interview invitation: Platform Engineer at Globex") && inbox.html.contains("2026-03-12T14:00:00-05:00"))
            #expect(inbox.html.contains("Move a new application: Platform Engineer at Globex to Interview"))

            let theirs = Browser(client)
            try await theirs.signIn("other@example.com", "Other-Pass-2026!")
            #expect(try await theirs.post("/inbox/\(email.id)/confirm", []).status == .notFound)
            #expect(!(try await theirs.get("/inbox").html.contains("Globex")))

            #expect(try await mine.post("/inbox/\(email.id)/confirm", []).status == .seeOther)
            let interviews = try await mine.get("/interviews")
            #expect(interviews.html.contains("Platform Engineer – Globex") || interviews.html.contains("Globex"))
            #expect(interviews.html.contains(".ics"))
            let feed = try await mine.post("/interviews/feed", [])
            #expect(feed.status == .ok && feed.html.contains("/calendar/") && feed.html.contains("webcal://"))
            #expect(!(try await mine.get("/interviews").html.contains("webcal://")))
            #expect(!(try await theirs.get("/interviews").html.contains("Globex")))
        }
    }
}
