import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WayfinderApp

@Suite("Sign-up, sign-in and account pages")
struct AccountPageTests {
    @Test("sign up, verify through the mailed code, sign in with a session cookie, save a search, turn its alert on, sign out")
    func browserFlow() async throws {
        try await WebTestApp.withApp { services, client in
            let browser = Browser(client)
            #expect(try await browser.get("/signup").status == .ok)
            let signUp = try await browser.post("/signup", [("name", "Jo"), ("email", "jo@example.com"), ("password", "Sturdy-Pass-42")])
            #expect(signUp.status == .seeOther && signUp.headers[.location] == "/verify?notice=check-mail")
            let token = try #require(try await services.mailedToken())
            let verifyPage = try await browser.get("/verify?token=\(token)")
            #expect(verifyPage.html.contains(#"value="\#(token)""#))
            #expect(try await browser.post("/verify", [("token", token)]).headers[.location] == "/signin?notice=verified")

            let wrong = try await browser.post("/signin", [("email", "jo@example.com"), ("password", "nope"), ("next", "/")])
            #expect(wrong.status == .unauthorized && wrong.html.contains("The email or password is wrong."))
            let signIn = try await browser.post("/signin", [("email", "jo@example.com"), ("password", "Sturdy-Pass-42"), ("next", "/?q=engineer")])
            #expect(signIn.status == .seeOther && signIn.headers[.location] == "/?q=engineer")
            let cookie = try #require(signIn.headers[values: .setCookie].first { $0.hasPrefix("wf_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(browser.hasSession)

            let search = try await browser.get("/?q=engineer")
            #expect(search.html.contains("Save this search") && search.html.contains("Sign out"))
            let save = try await browser.post("/account/searches", [("name", "Engineers"), ("query", "q=engineer"), ("alert_frequency", "daily")])
            #expect(save.headers[.location] == "/account/searches?notice=search-saved")
            let list = try await browser.get("/account/searches")
            #expect(list.html.contains("Engineers") && !list.html.contains("name=\"alert_enabled\" value=\"true\" checked"))
            let id = try #require(try await services.accounts.api.searches.list(actor: try await actor(services, "jo@example.com")).first?.id)
            _ = try await browser.post("/account/searches/\(id)", [("name", "Engineers"), ("query", "q=engineer"), ("alert_enabled", "true"),
                                                                  ("alert_frequency", "instant")])
            let updated = try await services.accounts.api.searches.search(actor: try await actor(services, "jo@example.com"), id: id)
            #expect(updated.alertEnabled && updated.alertFrequency == .instant)

            #expect(try await browser.post("/signout", []).headers[.location] == "/?notice=signed-out")
            #expect(!browser.hasSession)
            #expect(try await browser.get("/account").headers[.location] == "/signin?next=%2Faccount")
        }
    }

    @Test("a form without the browser's CSRF token is refused and changes nothing")
    func csrf() async throws {
        try await WebTestApp.withApp { _, client in
            let browser = Browser(client)
            _ = try await browser.get("/signup")
            let forged = try await browser.post("/signup", [("name", "Jo"), ("email", "jo@example.com"), ("password", "Sturdy-Pass-42")], csrf: "forged")
            #expect(forged.status == .forbidden)
            let missing = try await browser.post("/signup", [("name", "Jo"), ("email", "jo@example.com"), ("password", "Sturdy-Pass-42")], csrf: .some(nil))
            #expect(missing.status == .forbidden)
        }
    }

    @Test("sign-up errors show next to their fields as words, never as JSON")
    func fieldErrors() async throws {
        try await WebTestApp.withApp { _, client in
            let browser = Browser(client)
            _ = try await browser.get("/signup")
            let response = try await browser.post("/signup", [("name", ""), ("email", "nope"), ("password", "password")])
            #expect(response.status == .unprocessableContent)
            let html = response.html
            #expect(html.contains(#"id="email-error""#) && html.contains(#"id="password-error""#) && html.contains(#"id="name-error""#))
            #expect(html.contains("is one of the 10,000 most common passwords"))
            #expect(!html.contains("\"errors\""))
        }
    }

    @Test("the account page saves the profile with errors inline, and creates an API key shown once")
    func accountPage() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.accounts.administration.provision(email: "jo@example.com", password: "Sturdy-Pass-42", name: "Jo", groups: [.candidate])
            let browser = Browser(client)
            try await browser.signIn("jo@example.com", "Sturdy-Pass-42", next: "/account")
            #expect(try await browser.get("/account").html.contains("Your account"))
            let bad = try await browser.post("/account/profile", [("name", "Jo"), ("desired_salary", "-3"), ("salary_currency", "euro")])
            #expect(bad.status == .unprocessableContent && bad.html.contains(#"id="desired_salary-error""#) && bad.html.contains(#"value="euro""#))
            let good = try await browser.post("/account/profile", [("name", "Jo Tester"), ("headline", "Engineer"), ("skills", "Swift, SQL"),
                                                                   ("desired_salary", "80000"), ("salary_currency", "EUR")])
            #expect(good.headers[.location] == "/account?notice=profile-saved")
            #expect(try await browser.get("/account").html.contains(#"value="Swift, SQL""#))
            let key = try await browser.post("/account/keys", [("name", "laptop")])
            let secret = try #require(key.html.range(of: #"wf_[0-9a-f]+_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(key.html[$0]) })
            #expect(!(try await browser.get("/account").html.contains(secret)))
        }
    }

}

import Domain

func actor(_ services: AppServices, _ email: String) async throws -> Actor {
    let user = try #require(try await services.accounts.administration.list(limit: 100, cursor: nil).users.first { $0.email == email })
    return user.actor
}

@Suite("Saving a job")
struct SavedJobPageTests {
    @Test("a signed-in user saves a posting from its page, finds it under saved jobs, and removes it; others see no button")
    func saveAndRemove() async throws {
        try await WebTestApp.withApp { services, client in
            let anonymous = try await client.execute(uri: "/jobs/test%231", method: .get)
            #expect(!anonymous.html.contains("Save this job"))
            _ = try await services.accounts.administration.provision(email: "jo@example.com", password: "Sturdy-Pass-42", name: "Jo", groups: [.candidate])
            let browser = Browser(client)
            try await browser.signIn("jo@example.com", "Sturdy-Pass-42", next: "/")
            #expect(try await browser.get("/jobs/test%231").html.contains("Save this job"))
            #expect(try await browser.post("/jobs/test%231/save", []).headers[.location] == "/jobs/test%231")
            #expect(try await browser.get("/jobs/test%231").html.contains("Saved ✓"))
            #expect(try await browser.get("/account/saved-jobs").html.contains("Software Engineer"))
            _ = try await browser.post("/jobs/test%231/unsave", [])
            #expect(try await browser.get("/account/saved-jobs").html.contains("No saved jobs yet"))
            #expect(try await browser.post("/jobs/test%23nope/save", []).status == .notFound)
        }
    }
}

@Suite("Two-factor enrolment page")
struct TOTPEnrolmentPageTests {
    @Test("setting up an authenticator shows its QR code as inline SVG, the secret, and a wrong code inline")
    func enrolment() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.accounts.administration.provision(email: "jo@example.com", password: "Sturdy-Pass-42", name: "Jo", groups: [.candidate])
            let browser = Browser(client)
            try await browser.signIn("jo@example.com", "Sturdy-Pass-42", next: "/account")
            let setup = try await browser.post("/account/mfa", [])
            #expect(setup.html.contains("<svg") && setup.html.contains(#"role="img""#) && setup.html.contains("QR code for your authenticator app"))
            #expect(setup.html.contains(#"id="totp-secret""#))
            let secret = try #require(setup.html.range(of: #"id="totp-secret">[A-Z2-7]+"#, options: .regularExpression).map { String(setup.html[$0].dropFirst(17)) })
            let wrong = try await browser.post("/account/mfa/confirm", [("code", "000000")])
            #expect(wrong.status == .unprocessableContent && wrong.html.contains(#"id="mfa-error""#) && wrong.html.contains("<svg"))
            #expect(wrong.html.contains(#"id="totp-secret">\#(secret)<"#), "the same secret is shown again")
        }
    }
}
