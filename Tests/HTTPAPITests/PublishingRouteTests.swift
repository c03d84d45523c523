import Domain
import HTTPTypes
import Foundation
import Platform
import Publishing
import Testing
import TestPeers
import WayfinderApp

/// The publisher's routes: what they accept, what they refuse, and whose things they show.
@Suite("Publishing routes")
struct PublishingRouteTests {
    @Test("credentials go in and never come out; a webhook's generated signing secret is shown once; bad channels name each field")
    func channelSecrets() async throws {
        try await NetworkEmulator.serve { _, root in
            try await TestApp.withServicesAndClient { services, client in
                let token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let webhook = try await client.send(.post, "/api/v1/channels", json: PublishingFixtures.channel(.webhook, root: root), token: token)
                #expect(webhook.status == .created)
                let secret = try #require(webhook.json["signing_secret"] as? String)
                #expect(secret.count == 64)
                let id = try #require(webhook.json["id"] as? String)
                let shown = try await client.send(.get, "/api/v1/channels/\(id)", token: token)
                #expect(!String(buffer: shown.body).contains(secret) && shown.json["signing_secret"] == nil)
                #expect(shown.json["credentials_set"] as? [String] == ["signing_secret"])
                let mastodon = try await client.createChannel(PublishingFixtures.channel(.mastodon, root: root), token: token)
                let list = try await client.send(.get, "/api/v1/channels", token: token)
                #expect(!String(buffer: list.body).contains("mastodon-token-1"))
                #expect((list.json["channels"] as? [[String: Any]])?.count == 2)
                let patched = try await client.send(.patch, "/api/v1/channels/\(mastodon)", json: ["name": "Fosstodon", "credentials": ["access_token": "mastodon-token-2"]], token: token)
                #expect(patched.status == .ok && patched.json["name"] as? String == "Fosstodon" && !String(buffer: patched.body).contains("mastodon-token-2"))

                let bad = try await client.send(.post, "/api/v1/channels", json: ["kind": "sms", "settings": ["recipients": ["555"]]], token: token)
                #expect(bad.status == .unprocessableContent && bad.isProblem)
                #expect(Set(bad.problemFields).isSuperset(of: ["settings.account", "settings.from", "credentials.auth_token", "settings.recipients[0]"]))
                let unknown = try await client.send(.post, "/api/v1/channels", json: ["kind": "myspace", "settings": ["nope": 1]], token: token)
                #expect(unknown.status == .badRequest && Set(unknown.problemFields) == ["kind", "settings.nope"])
                let email = try await client.send(.post, "/api/v1/channels", json: ["kind": "email", "settings": ["recipients": ["not an address"]]], token: token)
                #expect(email.problemFields == ["settings.recipients[0]"])
            }
        }
    }

    @Test("another user gets 404 for every channel and message route, and cannot send through another's channel")
    func secondUser() async throws {
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient { services, client in
                let owner = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let other = try await TestApp.signedInUser(services, email: "other@example.com")
                let channel = try await client.createChannel(PublishingFixtures.channel(.discord, root: root), token: owner)
                let later = Timestamps.format(TestApp.now.addingTimeInterval(86_400))
                let message = try #require(try await client.send(.post, "/api/v1/messages", json: ["body": "Mine", "channels": [channel], "scheduled_at": later],
                                                                 token: owner).json["id"] as? String)
                for (method, path) in [(HTTPRequest.Method.get, "/api/v1/channels/\(channel)"), (.patch, "/api/v1/channels/\(channel)"),
                                       (.delete, "/api/v1/channels/\(channel)"), (.post, "/api/v1/channels/\(channel)/test"),
                                       (.get, "/api/v1/messages/\(message)"), (.patch, "/api/v1/messages/\(message)"),
                                       (.delete, "/api/v1/messages/\(message)"), (.post, "/api/v1/messages/\(message)/retry")] {
                    let patch: [String: Any] = path.contains("/channels/") ? ["name": "x"] : ["body": "x"]
                    let response = try await client.send(method, path, json: method == .patch ? patch : nil, token: other)
                    #expect(response.status == .notFound, "\(method) \(path) answered \(response.status)")
                }
                let borrowed = try await client.send(.post, "/api/v1/messages", json: ["body": "Theirs", "channels": [channel]], token: other)
                #expect(borrowed.status == .unprocessableContent && borrowed.problemFields == ["channels[0]"])
                #expect((try await client.send(.get, "/api/v1/messages", token: other).json["messages"] as? [Any])?.isEmpty == true)
                #expect((try await client.send(.get, "/api/v1/channels", token: other).json["channels"] as? [Any])?.isEmpty == true)
                #expect(await emulator.requests(.discord) == 0)
                #expect(try await client.send(.get, "/api/v1/messages/\(message)", token: owner).status == .ok)
            }
        }
    }

    @Test("a message is validated whole: every bad field named, nothing saved; preview shows each version with its counter")
    func messageValidation() async throws {
        try await NetworkEmulator.serve { _, root in
            try await TestApp.withServicesAndClient { services, client in
                let token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let mastodon = try await client.createChannel(PublishingFixtures.channel(.mastodon, root: root), token: token)
                let instagram = try await client.createChannel(PublishingFixtures.channel(.instagram, root: root), token: token)
                let bad = try await client.send(.post, "/api/v1/messages", json: [
                    "body": "Hello", "link": "ftp://x", "channels": [mastodon, instagram, "missing"],
                    "overrides": [mastodon: ["body": String(repeating: "a", count: 501)]],
                    "scheduled_at": Timestamps.format(TestApp.now.addingTimeInterval(-3_600)),
                ], token: token)
                #expect(bad.status == .unprocessableContent)
                #expect(Set(bad.problemFields) == ["link", "channels[2]", "overrides.\(mastodon)", "media", "scheduled_at"])
                #expect((try await client.send(.get, "/api/v1/messages", token: token).json["messages"] as? [Any])?.isEmpty == true)
                let shape = try await client.send(.post, "/api/v1/messages", json: ["body": 5, "channels": "x", "extra": true], token: token)
                #expect(shape.status == .badRequest && Set(shape.problemFields) == ["body", "channels", "extra"])

                let preview = try await client.send(.post, "/api/v1/messages/preview", json: [
                    "title": "Hiring", "body": String(repeating: "Word ", count: 200), "link": "https://wayfinder.example/j/1", "channels": [mastodon],
                ], token: token)
                let version = try #require((preview.json["versions"] as? [[String: Any]])?.first)
                #expect(version["limit"] as? Int == 500 && (version["length"] as? Int ?? 999) <= 500)
                #expect(version["shortened"] as? Bool == true && version["over_limit"] as? Bool == false)
                #expect((version["text"] as? String)?.hasSuffix("https://wayfinder.example/j/1") == true)
            }
        }
    }

    @Test("an unsent message can be edited and deleted; once it started going out, 409; lists filter and page")
    func editingAndLists() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { _, root in
            try await TestApp.withServicesAndClient(clock: clock) { services, client in
                let token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let webhook = try await client.createChannel(PublishingFixtures.channel(.webhook, root: root), token: token)
                let slack = try await client.createChannel(PublishingFixtures.channel(.slack, root: root), token: token)
                let later = Timestamps.format(TestApp.now.addingTimeInterval(86_400))
                let created = try await client.send(.post, "/api/v1/messages", json: ["body": "Draft", "channels": [webhook], "scheduled_at": later], token: token)
                let id = try #require(created.json["id"] as? String)
                #expect(created.json["status"] as? String == "scheduled" && created.json["editable"] as? Bool == true)
                let edited = try await client.send(.patch, "/api/v1/messages/\(id)", json: ["body": "Final", "channels": [webhook, slack],
                                                                                          "overrides": [slack: ["body": "Final, for Slack"]]], token: token)
                #expect(edited.status == .ok)
                let texts = (edited.json["deliveries"] as? [[String: Any]])?.map { $0["text"] as? String ?? "" }
                #expect(texts == ["Final", "Final, for Slack"])
                let now = try await client.send(.post, "/api/v1/messages", json: ["body": "Now", "channels": [slack]], token: token)
                let sent = try #require(now.json["id"] as? String)
                try await services.publishDue()
                #expect(try await client.send(.patch, "/api/v1/messages/\(sent)", json: ["body": "Changed"], token: token).status == .conflict)
                #expect(try await client.send(.delete, "/api/v1/messages/\(sent)", token: token).status == .conflict)

                let delivered = try await client.send(.get, "/api/v1/messages?status=delivered", token: token)
                #expect((delivered.json["messages"] as? [[String: Any]])?.map { $0["id"] as? String } == [sent])
                let toWebhook = try await client.send(.get, "/api/v1/messages?channel=\(webhook)", token: token)
                #expect((toWebhook.json["messages"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
                let page = try await client.send(.get, "/api/v1/messages?limit=1", token: token)
                let cursor = try #require(page.json["next_cursor"] as? String)
                let second = try await client.send(.get, "/api/v1/messages?limit=1&cursor=\(cursor)", token: token)
                #expect((second.json["messages"] as? [[String: Any]])?.map { $0["id"] as? String } == [sent])
                #expect(try await client.send(.get, "/api/v1/messages?status=lost&from=yesterday", token: token).problemFields.sorted() == ["from", "status"])
                #expect(try await client.send(.delete, "/api/v1/messages/\(id)", token: token).status == .noContent)
                #expect(try await client.send(.get, "/api/v1/messages/\(id)", token: token).status == .notFound)
            }
        }
    }

    @Test("media: images are taken by their bytes and served at an unguessable address; other files are refused")
    func media() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
            let upload = try await client.upload(PublishingFixtures.png, filename: "badge.png", token: token)
            #expect(upload.status == .created && upload.json["content_type"] as? String == "image/png")
            let address = try #require(upload.json["url"] as? String)
            let path = try #require(URL(string: address)?.path)
            let served = try await client.send(.get, path)
            #expect(served.status == .ok && Data(buffer: served.body) == PublishingFixtures.png)
            #expect(try await client.send(.get, path.dropLast(4) + "0000").status == .notFound)
            let text = try await client.upload(Data("#!/bin/sh\necho hi\n".utf8), filename: "x.png", token: token)
            #expect(text.status == .unsupportedMediaType && text.isProblem)
            let other = try await TestApp.signedInUser(services, email: "other@example.com")
            let id = try #require(upload.json["id"] as? String)
            #expect(try await client.send(.get, "/api/v1/media/\(id)", token: other).status == .notFound)
        }
    }

    @Test("certifications: saved, verified against the issuer's page, announced per channel, reminded before they lapse; others get 404")
    func certifications() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { _, root in
            try await TestApp.withServicesAndClient(clock: clock) { services, client in
                var token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                _ = try await client.createChannel(PublishingFixtures.channel(.mastodon, root: root), token: token)
                // The emulator's page for /facebook/LF-123 names LF-123, as an issuer's credential page names its id.
                let expires = UTCDay.string(TestApp.now.addingTimeInterval(20 * 86_400))
                let created = try await client.send(.post, "/api/v1/certifications", json: [
                    "name": "Certified Kubernetes Administrator", "issuer": "Cloud Native Computing Foundation", "issued_on": "2025-01-10",
                    "expires_on": expires, "credential_id": "LF-123", "credential_url": root + "/facebook/LF-123", "skills": ["Kubernetes", "Linux"],
                ], token: token)
                #expect(created.status == .created, "\(String(buffer: created.body))")
                let id = try #require(created.json["id"] as? String)
                #expect(created.json["verification"] as? String == "pending")
                let announcement = try #require(created.json["announcement"] as? [String: Any])
                #expect((announcement["body"] as? String)?.contains("Kubernetes and Linux") == true)
                #expect((announcement["versions"] as? [[String: Any]])?.first?["channel_kind"] as? String == "mastodon")
                try await services.runTasks(named: CertificationService.verifyTaskName)
                let verified = try await client.send(.get, "/api/v1/certifications/\(id)", token: token)
                #expect(verified.json["verification"] as? String == "verified", "\(verified.json["verification_detail"] ?? "")")

                let bad = try await client.send(.post, "/api/v1/certifications", json: ["name": "", "issuer": "X", "issued_on": "2025-13-01",
                                                                                       "expires_on": "2024-01-01", "credential_url": "nope"], token: token)
                #expect(bad.status == .unprocessableContent && Set(bad.problemFields) == ["name", "issued_on", "credential_url"])
                let other = try await TestApp.signedInUser(services, email: "other@example.com")
                for (method, path) in [(HTTPRequest.Method.get, "/api/v1/certifications/\(id)"), (.patch, "/api/v1/certifications/\(id)"),
                                       (.delete, "/api/v1/certifications/\(id)"), (.get, "/api/v1/certifications/\(id)/announcement")] {
                    #expect(try await client.send(method, path, json: method == .patch ? ["name": "Mine"] : nil, token: other).status == .notFound)
                }
                try await services.runTasks(named: CertificationService.reminderTaskName, enqueue: true)
                let reminders = try await services.deliverMail().filter { $0.subject.contains("expires on") }
                #expect(reminders.count == 1 && reminders.first?.to.first?.address == PublishingFixtures.owner)
                try await services.runTasks(named: CertificationService.reminderTaskName, enqueue: true)
                #expect(try await services.deliverMail().filter { $0.subject.contains("expires on") }.isEmpty)
                clock.advance(by: 60)
                token = try await TestApp.signIn(services, email: PublishingFixtures.owner)
                #expect(try await client.send(.delete, "/api/v1/certifications/\(id)", token: token).status == .noContent)
            }
        }
    }
}

extension AppServices {
    /// Runs the queued tasks of one name as a worker would (enqueueing one first, as its schedule would).
    func runTasks(named name: String, enqueue: Bool = false) async throws {
        let queue = backgroundWork.queue
        if enqueue { _ = try await queue.enqueue(NewTask(name: name)) }
        while let task = try await queue.claim(limit: 1, visibilityTimeout: .seconds(60), names: [name]).first {
            try await backgroundWork.allHandlers.handler(for: name)?(task)
            _ = try await queue.complete(task)
        }
    }
}
