import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Publishing
import Testing
import WayfinderApp

@Suite("Publisher pages")
struct PublishPageTests {
    /// Two people with accounts; answers the first one's actor. The test clock reads 2026-11-19.
    @discardableResult
    static func people(_ services: AppServices) async throws -> Actor {
        let administration = services.accounts.administration
        let (owner, _) = try await administration.provision(email: "owner@example.com", password: "Owner-Pass-2026!", name: "Owner", groups: [.candidate])
        _ = try await administration.provision(email: "other@example.com", password: "Other-Pass-2026!", name: "Other", groups: [.candidate])
        return Actor(userID: owner.id, groups: owner.groups)
    }

    static func signedIn(_ client: any TestClientProtocol, _ email: String = "owner@example.com", _ password: String = "Owner-Pass-2026!") async throws -> Browser {
        let browser = Browser(client)
        try await browser.signIn(email, password)
        return browser
    }

    @discardableResult
    static func mastodon(_ services: AppServices, _ owner: Actor, name: String = "Mastodon main") async throws -> Channel {
        try await services.publishing.channels.create(kind: .mastodon, name: name, settings: ChannelSettings(baseURL: "https://social.example"),
                                                      secrets: ChannelSecrets(accessToken: "token"), owner: owner).channel
    }

    static func webhook(_ services: AppServices, _ owner: Actor, name: String = "Team hook") async throws -> Channel {
        try await services.publishing.channels.create(kind: .webhook, name: name, settings: ChannelSettings(url: "http://127.0.0.1:9/hook"),
                                                      secrets: ChannelSecrets(), owner: owner).channel
    }

    static func expectAccessible(_ response: TestResponse, _ page: String) {
        let problems = AccessibilityBasicsTests.problems(in: response.html)
        #expect(problems.isEmpty, "\(page): \(problems)")
    }

    @Test("a webhook connected through the form shows its signing secret once, never again on the channels page")
    func connectWebhook() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let owner = try await Self.signedIn(client)
            let empty = try await owner.get("/publish/channels")
            #expect(empty.status == .ok && empty.html.contains("Connect a channel") && empty.html.contains("No channels yet"))
            Self.expectAccessible(empty, "channels")

            let connected = try await owner.post("/publish/channels", [("kind", "webhook"), ("name", "Build hook"), ("webhook.url", "http://127.0.0.1:9/hook"),
                                                                       ("slack.webhook_url", "https://ignored.example")])
            #expect(connected.status == .ok)
            let secret = try #require(connected.html.firstMatch(of: /<code class="secret" id="signing-secret">([0-9a-f]{64})<\/code>/)?.output.1).description
            #expect(connected.html.contains("shown only once") && connected.html.contains("Build hook"))

            let later = try await owner.get("/publish/channels")
            #expect(later.html.contains("Build hook") && later.html.contains("connected") && later.html.contains("http://127.0.0.1:9/hook"))
            #expect(!later.html.contains(secret) && !later.html.contains("signing-secret"))

            // Testing asks the network; email answers without leaving the machine.
            let mail = try await owner.post("/publish/channels", [("kind", "email"), ("name", "Team mail"), ("email.recipients", "team@example.com")])
            #expect(mail.headers[.location] == "/publish/channels?notice=channel-connected")
            let channel = try #require(try await services.publishing.channels.channels(owner: actor).first { $0.name == "Team mail" })
            let tested = try await owner.post("/publish/channels/\(channel.id)/test", [])
            #expect(tested.status == .ok && tested.html.contains("Test of “Team mail”: it works (a test mail went to 1 recipient(s))."))
            #expect(!tested.html.contains(secret))

            #expect(try await owner.post("/publish/channels/\(channel.id)/delete", []).status == .badRequest)
            let removed = try await owner.post("/publish/channels/\(channel.id)/delete", [("confirm", "yes")])
            #expect(removed.headers[.location] == "/publish/channels?notice=channel-removed")
            let remaining = try await owner.get("/publish/channels?notice=channel-removed")
            #expect(remaining.html.contains("The channel is removed") && !remaining.html.contains("Team mail") && remaining.html.contains("Build hook"))
        }
    }

    @Test("a channel the service refuses answers the form again with the error beside its field and the input kept, credentials excepted")
    func connectRefused() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let owner = try await Self.signedIn(client)
            let refused = try await owner.post("/publish/channels", [("kind", "linkedin"), ("name", "Company page"), ("linkedin.account", "company-123"),
                                                                     ("linkedin.access_token", "very-secret-token")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("must be a URN such as urn:li:organization:123") && refused.html.contains(#"value="company-123""#))
            #expect(refused.html.contains(#"value="Company page""#) && !refused.html.contains("very-secret-token"))
            #expect(refused.html.contains(#"<option value="linkedin" selected>"#))
            #expect(try await services.publishing.channels.channels(owner: actor).isEmpty)
        }
    }

    @Test("another user gets 404 on a channel's, a message's and a certification's pages, and cannot test, remove or retry them")
    func ownership() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let channel = try await Self.mastodon(services, actor)
            let message = try await services.publishing.messages.create(MessageDraft(body: "Hello", channelIDs: [channel.id]), owner: actor)
            let certification = try await services.publishing.certifications.create(CertificationDraft(name: "Kubernetes Administrator", issuer: "CNCF"),
                                                                                    owner: actor)
            let id = message.message.id
            let other = try await Self.signedIn(client, "other@example.com", "Other-Pass-2026!")
            for uri in ["/publish/messages/\(id)", "/publish/messages/\(id)/edit", "/certifications/\(certification.id)",
                        "/publish/compose?certification=\(certification.id)"] {
                let response = try await other.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.html.contains("It may belong to another account."))
            }
            for (uri, fields) in [("/publish/channels/\(channel.id)/test", []), ("/publish/channels/\(channel.id)/delete", [("confirm", "yes")]),
                                  ("/publish/channels/\(channel.id)/reconnect", [("credential", "stolen")]), ("/publish/messages/\(id)/retry", []),
                                  ("/publish/messages/\(id)/delete", []), ("/publish/messages/\(id)/edit", [("body", "Hijacked"), ("channels", channel.id)]),
                                  ("/certifications/\(certification.id)", [("name", "Mine now"), ("issuer", "Me")]),
                                  ("/certifications/\(certification.id)/delete", [])] as [(String, [(String, String)])] {
                #expect(try await other.post(uri, fields).status == .notFound, "\(uri)")
            }
            #expect(!(try await other.get("/publish/channels")).html.contains("Mastodon main"))
            #expect(!(try await other.get("/publish?month=2026-11")).html.contains(id))
            #expect(!(try await other.get("/certifications")).html.contains("Kubernetes Administrator"))
            #expect(try await services.publishing.channels.channel(id: channel.id, owner: actor).status == .connected)
            #expect(try await services.publishing.messages.message(id: id, owner: actor).message.body == "Hello")
            #expect(try await services.publishing.certifications.certification(id: certification.id, owner: actor).name == "Kubernetes Administrator")
            #expect(try await Browser(client).get("/publish").status == .seeOther)
        }
    }

    @Test("an override over the channel's limit shows the field error beside it and keeps everything typed")
    func overLimitOverride() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let channel = try await Self.mastodon(services, actor)
            let owner = try await Self.signedIn(client)
            let compose = try await owner.get("/publish/compose")
            #expect(compose.status == .ok && compose.html.contains("Mastodon main") && compose.html.contains("read as UTC"))
            Self.expectAccessible(compose, "composer")
            let long = String(repeating: "a", count: 600)
            let refused = try await owner.post("/publish/compose", [("title", "Launch day"), ("body", "We ship <today>."), ("link", "https://acme.example/launch"),
                                                                    ("channels", channel.id), ("override_\(channel.id)", long), ("intent", "publish")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains(#"<p class="field-error" id="override-\#(channel.id)-error">is 600 characters; mastodon takes at most 500</p>"#))
            #expect(refused.html.contains("Your version for Mastodon main is 600 characters"))
            #expect(refused.html.contains(#"value="Launch day""#) && refused.html.contains("We ship &lt;today&gt;.") && refused.html.contains(long))
            #expect(refused.html.contains(#"value="https://acme.example/launch""#) && refused.html.contains("over the limit by 100"))
            #expect(try await services.publishing.messages.messages(owner: actor, filter: MessageFilter()).isEmpty)
        }
    }

    @Test("Preview shows each channel's version with its counter, on the page and as the live preview's fragment, saving nothing")
    func preview() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let mastodon = try await Self.mastodon(services, actor)
            let sms = try await services.publishing.channels.create(kind: .sms, name: "My phone", settings: ChannelSettings(recipients: ["+14155550123"],
                                                                    account: "AC123", from: "+14155550100"),
                                                                    secrets: ChannelSecrets(authToken: "secret"), owner: actor).channel
            let owner = try await Self.signedIn(client)
            let body = String(repeating: "Shipping the new search today. ", count: 20)
            let fields = [("title", "Launch"), ("body", body), ("channels", mastodon.id), ("channels", sms.id), ("intent", "preview")]
            let page = try await owner.post("/publish/compose", fields)
            #expect(page.status == .ok)
            #expect(page.html.contains("Each channel&#39;s version") || page.html.contains("Each channel's version"))
            #expect(page.html.contains("/ 500 characters") && page.html.contains("/ 1,600 characters"))
            #expect(page.html.contains("shortened to fit") && page.html.contains("SMS segments"))
            #expect(page.html.contains(body.trimmingCharacters(in: .whitespaces)))
            let fragment = try await owner.post("/publish/compose/preview", Array(fields.dropLast()))
            #expect(fragment.status == .ok && fragment.html.hasPrefix(#"<section id="versions""#) && !fragment.html.contains("<html"))
            #expect(fragment.html.contains("Mastodon main") && fragment.html.contains("/ 500 characters") && fragment.html.contains("My phone"))
            #expect(try await owner.post("/publish/compose/preview", Array(fields.dropLast()), csrf: .some(nil)).status == .forbidden)
            #expect(try await services.publishing.messages.messages(owner: actor, filter: MessageFilter()).isEmpty)
        }
    }

    @Test("a composed message's page lists one scheduled delivery per channel; it shows in the calendar, and can be changed and deleted")
    func composeToMessage() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let mastodon = try await Self.mastodon(services, actor)
            let hook = try await Self.webhook(services, actor)
            let owner = try await Self.signedIn(client)
            let created = try await owner.post("/publish/compose", [("title", "Open roles"), ("body", "We are hiring engineers."), ("channels", mastodon.id),
                                                                    ("channels", hook.id), ("scheduled_at", "2026-12-01T09:30"), ("intent", "publish")])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let id = try #require(location.firstMatch(of: /\/publish\/messages\/([0-9a-f-]{36})\?notice=message-scheduled/)?.output.1).description
            let page = try await owner.get(location)
            #expect(page.status == .ok && page.html.contains("one delivery per channel is listed below"))
            #expect(page.html.contains("Mastodon main") && page.html.contains("Team hook") && page.html.contains("Scheduled for 2026-12-01 09:30 UTC"))
            #expect(page.html.matches(of: /<strong>scheduled<\/strong> <span class="meta">waits for its time/).count == 2)
            #expect(page.html.contains("/publish/messages/\(id)/edit") && page.html.contains("/publish/messages/\(id)/delete"))
            Self.expectAccessible(page, "message")

            let month = try await owner.get("/publish?month=2026-12")
            #expect(month.status == .ok && month.html.contains("December 2026") && month.html.contains("/publish/messages/\(id)"))
            #expect(month.html.contains("09:30 UTC Open roles") && month.html.contains("month=2026-11") && month.html.contains("month=2027-01"))
            Self.expectAccessible(month, "calendar")
            let week = try await owner.get("/publish?week=2026-11-30")
            #expect(week.html.contains("Week of Nov 30, 2026") && week.html.contains("/publish/messages/\(id)") && week.html.contains("week=2026-12-07"))
            #expect(!(try await owner.get("/publish?month=2026-11")).html.contains("/publish/messages/\(id)"))
            #expect(!(try await owner.get("/publish?month=2026-12&status=failed")).html.contains("/publish/messages/\(id)"))
            #expect((try await owner.get("/publish?month=2026-12&channel=\(hook.id)")).html.contains("/publish/messages/\(id)"))

            let form = try await owner.get("/publish/messages/\(id)/edit")
            #expect(form.status == .ok && form.html.contains("We are hiring engineers.") && form.html.contains(#"value="2026-12-01T09:30""#))
            let changed = try await owner.post("/publish/messages/\(id)/edit", [("title", "Open roles"), ("body", "We are hiring designers."),
                                                                                ("channels", mastodon.id), ("scheduled_at", "2026-12-02T10:00"),
                                                                                ("intent", "publish")])
            #expect(changed.headers[.location] == "/publish/messages/\(id)?notice=message-saved")
            let after = try await services.publishing.messages.message(id: id, owner: actor)
            #expect(after.message.body == "We are hiring designers." && after.deliveries.count == 1)
            let deleted = try await owner.post("/publish/messages/\(id)/delete", [])
            #expect(deleted.headers[.location] == "/publish?notice=message-deleted")
            #expect(try await owner.get("/publish/messages/\(id)").status == .notFound)
        }
    }

    @Test("a failed delivery shows the network's answer; Retry posts, redirects and queues it again")
    func retryFailed() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let hook = try await Self.webhook(services, actor)
            // Due now, so queued at once.
            let message = try await services.publishing.messages.create(MessageDraft(body: "Due now", channelIDs: [hook.id]), owner: actor)
            #expect(message.deliveries.map(\.status) == [.queued])
            // A channel removed before its delivery ran fails it for good, without any network.
            try await services.publishing.channels.delete(id: hook.id, owner: actor)
            for delivery in message.deliveries { try await services.publishing.runner.run(deliveryID: delivery.id) }
            let owner = try await Self.signedIn(client)
            let id = message.message.id
            let page = try await owner.get("/publish/messages/\(id)")
            #expect(page.html.contains(#"<strong class="error">failed</strong>"#) && page.html.contains("the channel was removed before the message went out"))
            #expect(page.html.contains("Retry failed deliveries") && !page.html.contains("/publish/messages/\(id)/edit"))

            let retried = try await owner.post("/publish/messages/\(id)/retry", [])
            #expect(retried.status == .seeOther && retried.headers[.location] == "/publish/messages/\(id)?notice=message-retried")
            let again = try await owner.get(try #require(retried.headers[.location]))
            #expect(again.html.contains("The failed deliveries are queued again.") && again.html.contains("<strong>queued</strong>"))
            #expect(try await services.publishing.messages.message(id: id, owner: actor).deliveries.first?.status == .queued)

            let all = try await owner.post("/publish/retry", [("month", "2026-11"), ("status", ""), ("channel", "")])
            #expect(all.headers[.location] == "/publish?month=2026-11&notice=nothing-to-retry")
        }
    }

    @Test("certifications are added, shown with their verification, edited, announced through the composer and deleted")
    func certifications() async throws {
        try await WebTestApp.withApp { services, client in
            let actor = try await Self.people(services)
            let channel = try await Self.mastodon(services, actor)
            let owner = try await Self.signedIn(client)
            let list = try await owner.get("/certifications")
            #expect(list.status == .ok && list.html.contains("Add a certification"))
            Self.expectAccessible(list, "certifications")

            let refused = try await owner.post("/certifications", [("name", "Cloud Architect"), ("issuer", "Amazon Web Services"), ("issued_on", "2026-05-01"),
                                                                   ("expires_on", "2025-05-01")])
            #expect(refused.status == .unprocessableContent && refused.html.contains("must not be before issued_on"))
            #expect(refused.html.contains(#"value="Cloud Architect""#) && refused.html.contains(#"value="2025-05-01""#))

            let added = try await owner.post("/certifications", [("name", "Cloud Architect"), ("issuer", "Amazon Web Services"), ("issued_on", "2026-05-01"),
                                                                 ("expires_on", "2029-05-01"), ("credential_id", "ABC-123"),
                                                                 ("credential_url", "https://certs.example/abc"), ("skills", "cloud, networking , ")])
            let location = try #require(added.headers[.location])
            let id = try #require(location.firstMatch(of: /\/certifications\/([0-9a-f-]{36})\?notice=certification-added/)?.output.1).description
            let page = try await owner.get(location)
            #expect(page.status == .ok && page.html.contains("being checked on the issuer") && page.html.contains("ABC-123"))
            #expect(page.html.contains("Certified: Cloud Architect") && page.html.contains("/publish/compose?certification=\(id)"))
            #expect(page.html.contains(#"<span class="tag">networking</span>"#))
            Self.expectAccessible(page, "certification")
            #expect(try await services.publishing.certifications.certification(id: id, owner: actor).skills == ["cloud", "networking"])

            let edited = try await owner.post("/certifications/\(id)", [("name", "Cloud Architect Professional"), ("issuer", "Amazon Web Services"),
                                                                        ("expires_on", "2029-05-01"), ("credential_url", "https://certs.example/abc"),
                                                                        ("credential_id", "ABC-123"), ("skills", "cloud")])
            #expect(edited.headers[.location] == "/certifications/\(id)?notice=certification-saved")
            #expect(try await owner.get("/certifications").html.contains("Cloud Architect Professional"))

            let composer = try await owner.get("/publish/compose?certification=\(id)")
            #expect(composer.html.contains(#"value="Certified: Cloud Architect Professional""#) && composer.html.contains(#"value="certification:\#(id)""#))
            #expect(composer.html.contains("I have earned the Cloud Architect Professional certification from Amazon Web Services."))
            let announced = try await owner.post("/publish/compose", [("title", "Certified"), ("body", "I have earned it."), ("channels", channel.id),
                                                                      ("source", "certification:\(id)"), ("intent", "publish")])
            let message = try await owner.get(try #require(announced.headers[.location]))
            #expect(message.html.contains(#"href="/certifications/\#(id)""#))

            let deleted = try await owner.post("/certifications/\(id)/delete", [])
            #expect(deleted.headers[.location] == "/certifications?notice=certification-deleted")
            #expect(!(try await owner.get("/certifications")).html.contains("Cloud Architect"))
        }
    }
}
