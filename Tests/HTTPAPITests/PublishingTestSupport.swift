import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import Publishing
import Testing
import TestPeers
import WayfinderApp

extension AppServices {
    /// One beat of the publisher's pipeline as `serve` runs it: due deliveries are queued, then every
    /// visible delivery task runs, then outbox events reach their subscribers. Repeats until nothing is left
    /// at the clock's time (retries due later wait for the clock to move).
    func publishDue() async throws {
        let queue = backgroundWork.queue, handlers = backgroundWork.allHandlers
        while true {
            _ = try await publishing.messageRepository.enqueueDue(now: clock.now(), limit: 500) { try DeliverMessageTask.newTask($0) }
            _ = try await backgroundWork.outbox.relay(limit: 500, subscribers: backgroundWork.subscribers.byTopic, now: clock.now())
            let claimed = try await queue.claim(limit: 50, visibilityTimeout: .seconds(60), names: [DeliverMessageTask.name, EventDelivery.taskName])
            if claimed.isEmpty { return }
            for task in claimed {
                try await handlers.handler(for: task.name)?(task)
                _ = try await queue.complete(task)
            }
        }
    }
}

extension TestApp {
    /// A fresh access token for an existing account, after the test clock moved past the last one's life.
    static func signIn(_ services: AppServices, email: String, password: String = "Candidate-Pass-1!") async throws -> String {
        guard case .tokens(let pair) = try await services.accounts.api.identity.signIn(email: email, password: password, address: nil) else {
            throw TestAppError.adminSignIn
        }
        return pair.accessToken
    }
}

enum PublishingFixtures {
    static let owner = "publisher@example.com"

    /// Each channel kind's creation body, pointing at the emulator's network.
    static func channel(_ kind: ChannelKind, root: String, refresh: Bool = false) -> [String: Any] {
        let network = kind == .sms ? NetworkEmulator.Network.twilio : NetworkEmulator.Network(rawValue: kind.rawValue) ?? .webhook
        let base = NetworkEmulator.base(network, root: root)
        switch kind {
        case .email: return ["kind": "email", "settings": ["recipients": ["team@example.com"]]]
        case .webhook: return ["kind": "webhook", "settings": ["url": base + "/hooks/1"]]
        case .slack: return ["kind": "slack", "credentials": ["webhook_url": base + "/services/T1/B1/x"]]
        case .discord: return ["kind": "discord", "credentials": ["webhook_url": base + "/api/webhooks/1/secret-token"]]
        case .mastodon: return ["kind": "mastodon", "settings": ["base_url": base], "credentials": ["access_token": "mastodon-token-1"]]
        case .linkedin:
            var credentials: [String: Any] = ["access_token": "linkedin-token-1"]
            if refresh { credentials.merge(["refresh_token": "r1", "client_id": "app", "client_secret": "app-secret"]) { $1 } }
            return ["kind": "linkedin", "settings": ["base_url": base, "account": "urn:li:organization:1", "token_url": base + "/oauth/v2/accessToken"],
                    "credentials": credentials]
        case .facebook: return ["kind": "facebook", "settings": ["base_url": base, "account": "page1"], "credentials": ["access_token": "fb-token-1"]]
        case .instagram: return ["kind": "instagram", "settings": ["base_url": base, "account": "ig1"], "credentials": ["access_token": "ig-token-1"]]
        case .sms:
            return ["kind": "sms", "settings": ["base_url": base, "account": "AC1", "from": "+15550000001", "recipients": ["+15550000002"]],
                    "credentials": ["auth_token": "twilio-token-1"]]
        }
    }

    static func network(_ kind: ChannelKind) -> NetworkEmulator.Network {
        kind == .sms ? .twilio : NetworkEmulator.Network(rawValue: kind.rawValue)!
    }

    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!
}

extension TestClientProtocol {
    func createChannel(_ body: [String: Any], token: String) async throws -> String {
        let response = try await send(.post, "/api/v1/channels", json: body, token: token)
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return try #require(response.json["id"] as? String)
    }

    func upload(_ data: Data, filename: String, token: String) async throws -> TestResponse {
        let boundary = "wayfinder-test-boundary"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await execute(uri: "/api/v1/media", method: .post,
                                 headers: [.authorization: "Bearer \(token)", .contentType: "multipart/form-data; boundary=\(boundary)"],
                                 body: ByteBuffer(bytes: body))
    }

    func deliveries(of message: String, token: String) async throws -> [[String: Any]] {
        try await send(.get, "/api/v1/messages/\(message)", token: token).json["deliveries"] as? [[String: Any]] ?? []
    }
}
