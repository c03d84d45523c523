import Domain
import Foundation
import Platform
import Publishing
import Testing
import TestPeers
import WayfinderApp

/// The whole pipeline, from `POST /api/v1/messages` to what each network's server received.
@Suite("Publishing: delivering to every channel")
struct PublishingDeliveryTests {
    /// `timeout` is in real seconds: long enough for a machine busy with the whole suite to get an answer,
    /// short where a test makes a network hang past it.
    static func settings(attempts: Int = 6, timeout: Double = 30) -> Settings {
        TestApp.settings { settings in
            settings.publishing.attempts = attempts
            settings.publishing.timeoutSeconds = timeout
        }
    }

    @Test("composed once, every kind of channel gets its own version and ends delivered with the network's id")
    func everyKind() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient(settings: Self.settings(), clock: clock) { services, client in
                let token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let upload = try await client.upload(PublishingFixtures.png, filename: "badge.png", token: token)
                let media = try #require(upload.json["id"] as? String)
                var channels: [String: ChannelKind] = [:]
                for kind in ChannelKind.allCases { channels[try await client.createChannel(PublishingFixtures.channel(kind, root: root), token: token)] = kind }
                let body = "We are hiring Swift engineers for our **server** team. Remote within Europe. " + String(repeating: "Join us. ", count: 80)
                let created = try await client.send(.post, "/api/v1/messages", json: [
                    "title": "Hiring", "body": body + "\n\n#hiring #swift", "link": "https://wayfinder.example/jobs/1",
                    "media": [media], "channels": Array(channels.keys),
                ], token: token)
                #expect(created.status == .created, "\(String(buffer: created.body))")
                let id = try #require(created.json["id"] as? String)
                try await services.publishDue()
                let deliveries = try await client.deliveries(of: id, token: token)
                #expect(deliveries.count == ChannelKind.allCases.count)
                for delivery in deliveries {
                    let kind = try #require(ChannelKind(rawValue: delivery["channel_kind"] as? String ?? ""))
                    #expect(delivery["status"] as? String == "delivered", "\(kind): \(delivery["error"] ?? "")")
                    let text = delivery["text"] as? String ?? ""
                    #expect(ChannelStyle.of(kind).length(of: text) <= ChannelStyle.of(kind).limit, "\(kind) over its limit")
                    guard kind != .email else { continue }
                    let posts = await emulator.posts(PublishingFixtures.network(kind))
                    #expect(posts.count == 1, "\(kind) received \(posts.count) posts")
                    if kind != .slack { #expect(delivery["external_id"] as? String == posts.first?.id, "\(kind)") }
                }
                #expect(try await client.send(.get, "/api/v1/messages/\(id)", token: token).json["status"] as? String == "delivered")
                // Mastodon got the 500-character version, Discord its 2,000, and both kept the link.
                let mastodon = try #require(await emulator.posts(.mastodon).first?.text)
                #expect(mastodon.count < 520 && mastodon.hasSuffix("https://wayfinder.example/jobs/1"))
            }
        }
    }

    @Test("throttled with Retry-After: queued no sooner than the network asked, then delivered once")
    func throttled() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient(settings: Self.settings(), clock: clock) { services, client in
                var token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let channel = try await client.createChannel(PublishingFixtures.channel(.discord, root: root), token: token)
                await emulator.script(.discord, [.throttle(retryAfter: 120)])
                let id = try #require(try await client.send(.post, "/api/v1/messages", json: ["body": "Hello", "channels": [channel]], token: token).json["id"] as? String)
                try await services.publishDue()
                let waiting = try #require(try await client.deliveries(of: id, token: token).first)
                #expect(waiting["status"] as? String == "queued" && waiting["retryable"] as? Bool == true)
                let next = try #require(Timestamps.parse(waiting["next_attempt_at"] as? String ?? ""))
                #expect(next >= TestApp.now.addingTimeInterval(120))
                clock.advance(by: 60)
                token = try await TestApp.signIn(services, email: PublishingFixtures.owner)
                try await services.publishDue()
                #expect(try await client.deliveries(of: id, token: token).first?["status"] as? String == "queued")
                clock.advance(by: 61)
                token = try await TestApp.signIn(services, email: PublishingFixtures.owner)
                try await services.publishDue()
                #expect(try await client.deliveries(of: id, token: token).first?["status"] as? String == "delivered")
                #expect(await emulator.posts(.discord).count == 1)
            }
        }
    }

    @Test("a network failing every attempt: dead after the budget, the owner is mailed, and a retry by hand delivers it")
    func deadThenRetried() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient(settings: Self.settings(attempts: 3), clock: clock) { services, client in
                var token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let channel = try await client.createChannel(PublishingFixtures.channel(.sms, root: root), token: token)
                await emulator.script(.twilio, [.fail, .fail, .fail])
                let id = try #require(try await client.send(.post, "/api/v1/messages", json: ["body": "Interview at 10", "channels": [channel]], token: token).json["id"] as? String)
                for _ in 0..<5 {
                    try await services.publishDue()
                    clock.advance(by: 3_600)
                    token = try await TestApp.signIn(services, email: PublishingFixtures.owner)
                }
                let dead = try #require(try await client.deliveries(of: id, token: token).first)
                #expect(dead["status"] as? String == "dead" && dead["attempts"] as? Int == 3)
                #expect((dead["error"] as? String)?.contains("500") == true)
                let mails = try await services.deliverMail()
                #expect(mails.contains { $0.to.first?.address == PublishingFixtures.owner && $0.subject.contains("sms") })
                #expect(try await client.send(.post, "/api/v1/messages/\(id)/retry", token: token).status == .ok)
                try await services.publishDue()
                #expect(try await client.deliveries(of: id, token: token).first?["status"] as? String == "delivered")
                #expect(await emulator.posts(.twilio).count == 1)
            }
        }
    }

    @Test("a post taken without an answer is reconciled, never resent blind: Mastodon by its key, LinkedIn by lookup, Slack reported unknown",
          arguments: [ChannelKind.mastodon, .linkedin, .slack])
    func unknownOutcome(kind: ChannelKind) async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient(settings: Self.settings(timeout: 10), clock: clock) { services, client in
                var token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let channel = try await client.createChannel(PublishingFixtures.channel(kind, root: root), token: token)
                await emulator.script(PublishingFixtures.network(kind), [.hang(.seconds(40))])
                let id = try #require(try await client.send(.post, "/api/v1/messages", json: ["body": "Certified!", "channels": [channel]], token: token).json["id"] as? String)
                try await services.publishDue()
                let first = try #require(try await client.deliveries(of: id, token: token).first)
                #expect(await emulator.posts(PublishingFixtures.network(kind)).count == 1)
                if kind == .slack {
                    #expect(first["status"] as? String == "failed" && first["retryable"] as? Bool == false)
                    #expect((first["error"] as? String)?.contains("not sent again") == true)
                } else {
                    #expect(first["status"] as? String == "sending")
                    clock.advance(by: 3_600)
                    token = try await TestApp.signIn(services, email: PublishingFixtures.owner)
                    try await services.publishDue()
                    let settled = try #require(try await client.deliveries(of: id, token: token).first)
                    #expect(settled["status"] as? String == "delivered", "\(settled["error"] ?? "")")
                    #expect(settled["external_id"] as? String == (await emulator.posts(PublishingFixtures.network(kind)).first?.id))
                }
                #expect(await emulator.posts(PublishingFixtures.network(kind)).count == 1, "no duplicate on \(kind)")
            }
        }
    }

    @Test("an expired token is refreshed and the post goes out; without a way to refresh, the channel says it expired")
    func expiredTokens() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient(settings: Self.settings(), clock: clock) { services, client in
                let token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let linkedIn = try await client.createChannel(PublishingFixtures.channel(.linkedin, root: root, refresh: true), token: token)
                let mastodon = try await client.createChannel(PublishingFixtures.channel(.mastodon, root: root), token: token)
                await emulator.script(.linkedin, [.expireToken])
                await emulator.script(.mastodon, [.expireToken])
                let id = try #require(try await client.send(.post, "/api/v1/messages", json: ["body": "News", "channels": [linkedIn, mastodon]], token: token).json["id"] as? String)
                try await services.publishDue()
                let deliveries = try await client.deliveries(of: id, token: token)
                #expect(deliveries.first { $0["channel_id"] as? String == linkedIn }?["status"] as? String == "delivered")
                let failed = try #require(deliveries.first { $0["channel_id"] as? String == mastodon })
                #expect(failed["status"] as? String == "failed" && (failed["error"] as? String)?.contains("Reconnect") == true)
                let channel = try await client.send(.get, "/api/v1/channels/\(mastodon)", token: token).json
                #expect(channel["status"] as? String == "expired")
                // A bulk retry leaves the expired channel's delivery alone: it would only fail again.
                #expect(try await client.send(.post, "/api/v1/messages/retry", json: [:], token: token).json["retried"] as? Int == 0)
                let refreshed = try await client.send(.get, "/api/v1/channels/\(linkedIn)", token: token).json
                #expect(refreshed["status"] as? String == "connected" && refreshed["token_expires_at"] is String)
                // A new token reconnects the channel; the failed delivery then goes out on retry.
                let patched = try await client.send(.patch, "/api/v1/channels/\(mastodon)", json: ["credentials": ["access_token": "mastodon-token-2"]], token: token)
                #expect(patched.json["status"] as? String == "connected")
                #expect(try await client.send(.post, "/api/v1/messages/retry", json: [:], token: token).json["retried"] as? Int == 1)
                try await services.publishDue()
                #expect(try await client.send(.get, "/api/v1/messages/\(id)", token: token).json["status"] as? String == "delivered")
            }
        }
    }

    @Test("a token known to have expired is refreshed before the post goes out, and flat channel bodies read like nested ones")
    func expiredBeforeSending() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient(settings: Self.settings(), clock: clock) { services, client in
                let token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let base = NetworkEmulator.base(.linkedin, root: root)
                // Flat: settings and credentials at the top level.
                let channel = try await client.createChannel([
                    "kind": "linkedin", "base_url": base, "account": "urn:li:person:abc", "token_url": base + "/oauth/v2/accessToken",
                    "access_token": "stale", "refresh_token": "r1", "client_id": "app", "client_secret": "s",
                    "expires_at": Timestamps.format(TestApp.now.addingTimeInterval(-60)),
                ], token: token)
                let id = try #require(try await client.send(.post, "/api/v1/messages", json: ["body": "Fresh", "channels": [channel]], token: token).json["id"] as? String)
                try await services.publishDue()
                #expect(try await client.deliveries(of: id, token: token).first?["status"] as? String == "delivered")
                let post = try #require(await emulator.posts(.linkedin).first)
                #expect(post.headers["authorization"]?.hasPrefix("Bearer linkedin-fresh-") == true, "the stale token was not used")
            }
        }
    }

    @Test("a message scheduled for later waits for its time, then goes out once")
    func scheduled() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await NetworkEmulator.serve { emulator, root in
            try await TestApp.withServicesAndClient(settings: Self.settings(), clock: clock) { services, client in
                var token = try await TestApp.signedInUser(services, email: PublishingFixtures.owner)
                let channel = try await client.createChannel(PublishingFixtures.channel(.webhook, root: root), token: token)
                let later = Timestamps.format(TestApp.now.addingTimeInterval(7_200))
                let id = try #require(try await client.send(.post, "/api/v1/messages", json: ["body": "Later", "channels": [channel], "scheduled_at": later], token: token)
                    .json["id"] as? String)
                try await services.publishDue()
                #expect(try await client.deliveries(of: id, token: token).first?["status"] as? String == "scheduled")
                #expect(await emulator.requests(.webhook) == 0)
                clock.advance(by: 7_200)
                token = try await TestApp.signIn(services, email: PublishingFixtures.owner)
                try await services.publishDue()
                try await services.publishDue()
                #expect(try await client.deliveries(of: id, token: token).first?["status"] as? String == "delivered")
                #expect(await emulator.posts(.webhook).count == 1)
            }
        }
    }
}
