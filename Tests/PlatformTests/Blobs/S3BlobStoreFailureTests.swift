import Foundation
import NIOCore
import NIOPosix
import Platform
import Testing

/// What `S3BlobStore` does when no S3 is there to answer, with no S3 server needed.
@Suite("S3 blob store failures")
struct S3BlobStoreFailureTests {
    static func store(port: Int, timeout: Duration = .seconds(5)) -> S3BlobStore {
        S3BlobStore(configuration: S3Configuration(endpoint: URL(string: "http://127.0.0.1:\(port)")!, bucket: "b",
                                                   accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret", timeout: timeout))
    }

    /// A server that accepts connections and never answers.
    static func silentServer() async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    @Test("a closed port is unreachable, which is worth retrying")
    func unreachable() async throws {
        let (port, socket) = try RefusingPort.open()
        defer { close(socket) }
        // A refused connection answers at once; the long deadline only keeps a busy machine from looking like a timeout.
        let store = Self.store(port: port, timeout: .seconds(10))
        let error = await #expect(throws: S3Error.self) { try await store.get(key: "a/b") }
        guard case .unreachable(let operation, _) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(operation == "GET b/a/b")
        #expect(error?.isTransient == true)
    }

    @Test("a server that never answers times out after the configured timeout")
    func timeout() async throws {
        let server = try await Self.silentServer()
        let store = Self.store(port: try #require(server.localAddress?.port), timeout: .milliseconds(300))
        let started = ContinuousClock.now
        await #expect(throws: S3Error.timedOut(operation: "PUT b/a")) { try await store.put(Data("x".utf8), key: "a", contentType: "text/plain") }
        // The server never answers, so only the timeout ends this; the bound is far below the HTTP client's
        // own default, and far above what a machine busy with the whole suite adds.
        #expect(ContinuousClock.now - started < .seconds(30))
        try await server.close()
    }

    @Test("an invalid key is refused before any request")
    func invalidKey() async throws {
        let store = Self.store(port: 9)
        await #expect(throws: BlobStoreError.self) { try await store.get(key: "../etc/passwd") }
        await #expect(throws: BlobStoreError.self) { try await store.put(Data(), key: "a//b", contentType: "text/plain") }
    }

    @Test("a configuration prints without its secret")
    func redactedConfiguration() {
        let configuration = S3Configuration(endpoint: URL(string: "https://s3.example")!, bucket: "b", accessKeyID: "AKIA1", secretAccessKey: "top-secret")
        #expect(!"\(configuration)".contains("top-secret"))
        #expect(configuration.region == "us-east-1")
    }
}
