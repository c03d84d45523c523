import Foundation
import HTTPAPI
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@Suite("Request log")
struct RequestLogTests {
    /// Keeps every line logged through it.
    struct Capture: LogHandler {
        let lines: Arc
        final class Arc: Sendable { let value = Mutex<[String]>([]) }
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.value.withLock { $0.append("\(event.message) \(self.metadata.merging(event.metadata ?? [:]) { $1 })") }
        }
    }

    @Test("each request is logged with method, path and status, never with its query string or credentials")
    func noSecretsInLog() async throws {
        let lines = Capture.Arc()
        let logger = Logger(label: "capture") { _ in Capture(lines: lines) }
        try await TestApp.withServices { services in
            let app = Application(router: buildRouter(services.apiDependencies), logger: logger)
            try await app.test(.router) { client in
                _ = try await client.send(.get, "/api/v1/searches/unsubscribe?token=SECRET-TOKEN-123")
                _ = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "a@example.com", "password": "Secret-Password-9"])
                _ = try await client.send(.get, "/api/v1/users/me", token: "SECRET-BEARER")
            }
        }
        let logged = lines.value.withLock { $0 }
        #expect(logged.contains { $0.contains("/api/v1/searches/unsubscribe") && $0.contains("400") })
        #expect(logged.contains { $0.contains("/api/v1/auth/signin") && $0.contains("401") })
        for secret in ["SECRET-TOKEN-123", "Secret-Password-9", "SECRET-BEARER"] {
            #expect(!logged.contains { $0.contains(secret) }, "\(secret) was logged")
        }
    }
}
