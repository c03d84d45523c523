import Domain
import Foundation
import Platform
import Publishing
import Testing
import TestPeers

/// Every adapter against a local server that speaks its network's documented API.
@Suite("Channel adapters against their networks")
struct ChannelAdapterTests {
    /// Network kinds with an HTTP API (email goes through the Mailer and has its own tests).
    static let kinds: [ChannelKind] = [.webhook, .slack, .discord, .mastodon, .linkedin, .facebook, .instagram, .sms]

    static func network(_ kind: ChannelKind) -> NetworkEmulator.Network {
        kind == .sms ? .twilio : NetworkEmulator.Network(rawValue: kind.rawValue)!
    }

    static func channel(_ kind: ChannelKind, root: String, token: String = "token-1") -> Channel {
        let base = NetworkEmulator.base(network(kind), root: root)
        var settings = ChannelSettings(baseURL: base)
        var secrets = ChannelSecrets(accessToken: token)
        switch kind {
        case .webhook: settings.url = base + "/hooks/1"; secrets.signingSecret = "0123456789abcdef0123456789abcdef"
        case .slack: secrets.webhookURL = base + "/services/T1/B1/x"
        case .discord: secrets.webhookURL = base + "/api/webhooks/1/secret-token"
        case .linkedin: settings.account = "urn:li:organization:1"; settings.tokenURL = base + "/oauth/v2/accessToken"
            secrets.refreshToken = "refresh-1"; secrets.clientID = "client"; secrets.clientSecret = "client-secret"
        case .facebook: settings.account = "page1"
        case .instagram: settings.account = "ig1"
        case .sms: settings.account = "AC1"; settings.from = "+15550000001"; settings.recipients = ["+15550000002"]; secrets.authToken = "auth-1"
        default: break
        }
        return Channel(id: "c-\(kind.rawValue)", ownerID: "u1", kind: kind, name: kind.rawValue, settings: settings, secrets: secrets,
                       createdAt: Date(), updatedAt: Date())
    }

    static func post(_ text: String = "Hello from Wayfinder", key: String = "wayfinder-delivery-1") -> ChannelPost {
        ChannelPost(deliveryID: "d1", messageID: "m1", idempotencyKey: key, title: "News", text: text, link: "https://wayfinder.example/jobs/1",
                    media: [PostMedia(id: "p1", contentType: "image/png", filename: "a.png", publicURL: "https://wayfinder.example/media/p1/k",
                                      load: { Data([0x89, 0x50, 0x4E, 0x47]) })])
    }

    static func adapters(timeout: Duration = .seconds(5)) -> ChannelAdapters {
        ChannelAdapters(sender: AsyncHTTPFetcher(client: .shared), mailer: FileDropMailer(directory: URL(fileURLWithPath: "/tmp/unused"), clock: SystemWallClock()),
                        mailFrom: "wayfinder@example.com", clock: SystemWallClock(), timeout: timeout)
    }

    @Test("a post the network takes is delivered with the network's id", arguments: kinds)
    func delivers(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            let receipt = try await Self.adapters().adapter(for: kind).deliver(Self.post(), to: Self.channel(kind, root: root))
            let posts = await emulator.posts(Self.network(kind))
            #expect(posts.count == 1)
            #expect(posts.first?.text == "Hello from Wayfinder")
            if kind == .slack { #expect(receipt.externalID == nil) } else { #expect(receipt.externalID == posts.first?.id) }
        }
    }

    @Test("the network's validation error is a refusal that names it, and retrying will not help", arguments: kinds)
    func rejected(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            await emulator.script(Self.network(kind), [.reject])
            let failure = await Self.failure { try await Self.adapters().adapter(for: kind).deliver(Self.post(), to: Self.channel(kind, root: root)) }
            guard case .rejected(let message)? = failure else { Issue.record("\(kind): \(String(describing: failure))"); return }
            #expect(failure?.isRetryable == false)
            #expect(message.count > 10)
            #expect(await emulator.posts(Self.network(kind)).isEmpty)
        }
    }

    @Test("an expired token is told apart from other refusals", arguments: [ChannelKind.mastodon, .linkedin, .facebook, .instagram, .sms, .discord])
    func expiredToken(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            await emulator.script(Self.network(kind), [.expireToken])
            let failure = await Self.failure { try await Self.adapters().adapter(for: kind).deliver(Self.post(), to: Self.channel(kind, root: root)) }
            guard case .unauthorized? = failure else { Issue.record("\(kind): \(String(describing: failure))"); return }
        }
    }

    @Test("429 is throttling that carries the network's Retry-After", arguments: kinds)
    func throttled(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            await emulator.script(Self.network(kind), [.throttle(retryAfter: 7)])
            let failure = await Self.failure { try await Self.adapters().adapter(for: kind).deliver(Self.post(), to: Self.channel(kind, root: root)) }
            guard case .throttled(_, let retryAfter)? = failure else { Issue.record("\(kind): \(String(describing: failure))"); return }
            #expect(retryAfter == .seconds(7))
        }
    }

    @Test("a 500 is a failure worth retrying", arguments: kinds)
    func serverError(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            await emulator.script(Self.network(kind), [.fail])
            let failure = await Self.failure { try await Self.adapters().adapter(for: kind).deliver(Self.post(), to: Self.channel(kind, root: root)) }
            guard case .unavailable? = failure else { Issue.record("\(kind): \(String(describing: failure))"); return }
        }
    }

    @Test("reconciliation reads past the first page: the account may have posted pages of other messages since the attempt",
          arguments: [ChannelKind.linkedin, .facebook, .instagram, .sms])
    func reconcilesBeyondTheFirstPage(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            let adapter = Self.adapters().adapter(for: kind)
            let channel = Self.channel(kind, root: root)
            let attempt = Date()
            let first = try await adapter.deliver(Self.post("The one that timed out"), to: channel)
            for number in 0..<230 { _ = try await adapter.deliver(Self.post("Another post \(number)", key: "k\(number)"), to: channel) }
            let found = try await adapter.reconcile(Self.post("The one that timed out"), on: channel, attemptedAt: attempt)
            guard case .delivered(let receipt) = found else { Issue.record("\(kind): \(found)"); return }
            #expect(receipt.externalID == first.externalID)
            #expect(try await adapter.reconcile(Self.post("Never sent"), on: channel, attemptedAt: attempt) == .notDelivered)
        }
    }

    @Test("a network that takes the post and never answers: no answer, then reconciliation finds the post, says resending is safe, or says nobody can tell",
          arguments: kinds)
    func hangsAfterTaking(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            // The client gives up long before the network answers; the generous bound leaves room for a busy machine
            // to get the request there at all. Reconciling then uses the usual timeout.
            let impatient = Self.adapters(timeout: .seconds(10)).adapter(for: kind)
            let adapter = Self.adapters(timeout: .seconds(30)).adapter(for: kind)
            let channel = Self.channel(kind, root: root)
            // Mastodon uploads the image and Instagram makes a container before the request that posts.
            await emulator.script(Self.network(kind), ([.mastodon, .instagram].contains(kind) ? [.pass] : []) + [.hang(.seconds(40))])
            let failure = await Self.failure { try await impatient.deliver(Self.post(), to: channel) }
            guard case .noAnswer? = failure else { Issue.record("\(kind): \(String(describing: failure))"); return }
            let made = await emulator.posts(Self.network(kind))
            #expect(made.count == 1, "\(kind) took the post before hanging")
            let reconciliation = try await adapter.reconcile(Self.post(), on: channel, attemptedAt: Date())
            switch kind {
            case .webhook, .mastodon:
                // Sending again with the same key makes nothing new and answers with the first post.
                #expect(reconciliation == .notDelivered)
                let receipt = try await adapter.deliver(Self.post(), to: channel)
                #expect(await emulator.posts(Self.network(kind)).count == 1)
                #expect(receipt.externalID == made.first?.id)
            case .linkedin, .facebook, .instagram, .sms:
                guard case .delivered(let receipt) = reconciliation else { Issue.record("\(kind): \(reconciliation)"); return }
                #expect(receipt.externalID == made.first?.id)
            default:
                guard case .unknown = reconciliation else { Issue.record("\(kind): \(reconciliation)"); return }
            }
        }
    }

    @Test("LinkedIn refreshes an expired token with the refresh token; Facebook exchanges for a long-lived one")
    func refresh() async throws {
        try await NetworkEmulator.serve { _, root in
            let linkedIn = try #require(try await Self.adapters().adapter(for: .linkedin).refresh(Self.channel(.linkedin, root: root)))
            #expect(linkedIn.accessToken?.hasPrefix("linkedin-fresh-") == true && linkedIn.refreshToken?.hasPrefix("linkedin-refresh-") == true)
            #expect(linkedIn.expiresAt != nil)
            var facebook = Self.channel(.facebook, root: root)
            facebook.secrets.clientID = "app"
            facebook.secrets.clientSecret = "app-secret"
            let exchanged = try #require(try await Self.adapters().adapter(for: .facebook).refresh(facebook))
            #expect(exchanged.accessToken?.hasPrefix("facebook-long-") == true)
            #expect(try await Self.adapters().adapter(for: .mastodon).refresh(Self.channel(.mastodon, root: root)) == nil)
        }
    }

    @Test("webhook deliveries are signed over timestamp and body, carry the idempotency key, and a receiver can check them")
    func webhookSignature() async throws {
        try await NetworkEmulator.serve { emulator, root in
            _ = try await Self.adapters().adapter(for: .webhook).deliver(Self.post(), to: Self.channel(.webhook, root: root))
            let post = try #require(await emulator.posts(.webhook).first)
            let timestamp = try #require(post.headers["x-wayfinder-timestamp"]), signature = try #require(post.headers["x-wayfinder-signature"])
            #expect(post.headers["idempotency-key"] == "wayfinder-delivery-1")
            #expect(WebhookSignature.verify(body: post.body, timestamp: timestamp, signature: signature, secret: "0123456789abcdef0123456789abcdef", now: Date()))
            #expect(!WebhookSignature.verify(body: post.body + Data(" ".utf8), timestamp: timestamp, signature: signature,
                                             secret: "0123456789abcdef0123456789abcdef", now: Date()))
            // Outside the replay window the same signature is refused.
            #expect(!WebhookSignature.verify(body: post.body, timestamp: timestamp, signature: signature, secret: "0123456789abcdef0123456789abcdef",
                                             now: Date().addingTimeInterval(301)))
        }
    }

    @Test("Mastodon uploads the image first and attaches it; LinkedIn sends its version headers and the link as an article")
    func payloadShapes() async throws {
        try await NetworkEmulator.serve { emulator, root in
            _ = try await Self.adapters().adapter(for: .mastodon).deliver(Self.post(), to: Self.channel(.mastodon, root: root))
            let status = try #require(await emulator.posts(.mastodon).first)
            let body = try #require(try JSONSerialization.jsonObject(with: status.body) as? [String: Any])
            #expect((body["media_ids"] as? [String])?.first?.hasPrefix("media-") == true)
            #expect(status.headers["authorization"] == "Bearer token-1")
            _ = try await Self.adapters().adapter(for: .linkedin).deliver(Self.post(), to: Self.channel(.linkedin, root: root))
            let share = try #require(await emulator.posts(.linkedin).first)
            let post = try #require(try JSONSerialization.jsonObject(with: share.body) as? [String: Any])
            #expect(post["author"] as? String == "urn:li:organization:1" && post["lifecycleState"] as? String == "PUBLISHED")
            #expect(((post["content"] as? [String: Any])?["article"] as? [String: Any])?["source"] as? String == "https://wayfinder.example/jobs/1")
        }
    }

    @Test("Instagram takes no post without an image", arguments: [ChannelKind.instagram])
    func instagramNeedsImage(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            var post = Self.post()
            post.media = []
            let failure = await Self.failure { try await Self.adapters().adapter(for: kind).deliver(post, to: Self.channel(kind, root: root)) }
            guard case .rejected? = failure else { Issue.record("\(String(describing: failure))"); return }
            #expect(await emulator.requests(.instagram) == 0)
        }
    }

    @Test("testing a connection asks the network without posting where it can", arguments: [ChannelKind.discord, .mastodon, .linkedin, .facebook, .instagram, .sms])
    func testsWithoutPosting(kind: ChannelKind) async throws {
        try await NetworkEmulator.serve { emulator, root in
            let detail = try await Self.adapters().adapter(for: kind).test(Self.channel(kind, root: root))
            #expect(!detail.isEmpty)
            #expect(await emulator.posts(Self.network(kind)).isEmpty)
        }
    }

    static func failure(_ body: () async throws -> DeliveryReceipt) async -> ChannelFailure? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? ChannelFailure
        }
    }
}
