import Foundation
import Testing
import WayfinderApp

/// Structural checks every page must pass: a language, a title, one main heading, a label for every
/// field, and no inline script or style (the Content-Security-Policy would block them anyway).
@Suite("Accessibility and markup basics of every page")
struct AccessibilityBasicsTests {
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        if !html.contains(#"<html lang="en">"#) { problems.append("no lang on <html>") }
        if html.range(of: "<title>[^<]+</title>", options: .regularExpression) == nil { problems.append("no title") }
        if html.components(separatedBy: "<h1").count - 1 != 1 { problems.append("not exactly one h1") }
        if html.contains("<script>") || html.contains(" style=") || html.range(of: #" on[a-z]+=""#, options: .regularExpression) != nil {
            problems.append("inline script, style or event handler")
        }
        let fields = html.matches(of: /<(input|select|textarea)[^>]*>/).map { String($0.output.0) }
        for field in fields where !field.contains(#"type="hidden""#) && !field.contains(#"type="submit""#) {
            if let id = field.firstMatch(of: /id="([^"]+)"/)?.output.1 {
                if !html.contains(#"for="\#(id)""#) && !Self.isWrappedInLabel(field, in: html) { problems.append("no label for #\(id)") }
            } else if !Self.isWrappedInLabel(field, in: html) {
                problems.append("a field without a label: \(field.prefix(60))")
            }
        }
        return problems
    }

    /// `<label><input …> text</label>`.
    static func isWrappedInLabel(_ field: String, in html: String) -> Bool {
        guard let range = html.range(of: field) else { return false }
        let before = html[..<range.lowerBound]
        guard let open = before.range(of: "<label", options: .backwards) else { return false }
        return !before[open.upperBound...].contains("</label>")
    }

    @Test("the checks themselves catch a missing label, a second h1 and an inline handler")
    func checksCanFail() {
        let bad = #"<html lang="en"><title>x</title><h1>a</h1><h1>b</h1><input type="text" id="q"><img src=x onerror="y">"#
        #expect(Set(Self.problems(in: bad)) == ["not exactly one h1", "inline script, style or event handler", "no label for #q"])
    }

    @Test("public pages")
    func publicPages() async throws {
        try await WebTestApp.withApp { _, client in
            for uri in ["/", "/?q=engineer", "/?q=nothing+matches+this", "/jobs/test%231", "/jobs/unknown", "/signin", "/signup",
                        "/verify?token=abc", "/forgot", "/reset?token=abc", "/signout"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(Self.problems(in: response.html).isEmpty, "\(uri): \(Self.problems(in: response.html))")
            }
        }
    }

    @Test("signed-in pages, including the administrator's")
    func signedInPages() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.accounts.administration.provision(email: "admin@example.com", password: "Admin-Pass-2026!", name: "Ada", groups: [.admin])
            let browser = Browser(client)
            try await browser.signIn("admin@example.com", "Admin-Pass-2026!", next: "/")
            _ = try await browser.post("/account/searches", [("name", "Engineers"), ("query", "q=engineer")])
            _ = try await browser.post("/applications", [("company", "Acme"), ("title", "Engineer"), ("status", "saved")])
            for uri in ["/", "/jobs/test%231", "/account", "/account/searches", "/account/searches/new?q=nurse", "/account/saved-jobs", "/admin",
                        "/resumes", "/roadmaps", "/market", "/market?role=engineer", "/?sort=match", "/applications",
                        "/applications?view=list&status=saved&q=acme&sort=company", "/inbox", "/interviews"] {
                let response = try await browser.get(uri)
                #expect(response.status == .ok, "\(uri)")
                #expect(Self.problems(in: response.html).isEmpty, "\(uri): \(Self.problems(in: response.html))")
            }
            let application = try await browser.get("/applications")
            if let id = application.html.firstMatch(of: /href="\/applications\/([0-9a-f-]{36})"/)?.output.1 {
                let detail = try await browser.get("/applications/\(id)")
                #expect(Self.problems(in: detail.html).isEmpty, "application page: \(Self.problems(in: detail.html))")
            } else {
                Issue.record("the board shows no card for the new application")
            }
            let setup = try await browser.post("/account/mfa", [])
            #expect(Self.problems(in: setup.html).isEmpty, "MFA setup: \(Self.problems(in: setup.html))")
        }
    }
}
