import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing
@testable import WayfinderApp

/// The benchmark's own HTTP client, against Hummingbird serving on loopback: what it reads must be
/// what the server sent, however the answer is framed, and a closed connection must not end a run.
@Suite("Loopback HTTP client")
struct LoopbackHTTPClientTests {
    static let body = String(repeating: "0123456789", count: 2_000)

    static func server() async throws -> LocalServer {
        let router = Router()
        router.get("api/v1/jobs") { request, _ -> Response in
            if request.uri.queryParameters.get("fail") != nil { return Response(status: .badRequest) }
            let size = Int(request.uri.queryParameters.get("size") ?? "") ?? body.utf8.count
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: String(body.prefix(size)))))
        }
        router.get("chunked") { _, _ -> Response in
            // No length known up front: Hummingbird sends the parts as chunks.
            Response(status: .ok, body: ResponseBody { writer in
                for part in 0..<5 { try await writer.write(ByteBuffer(string: String(repeating: "\(part)", count: 3_000 + part))) }
                try await writer.finish(nil)
            })
        }
        router.get("closing") { _, _ -> Response in
            Response(status: .ok, headers: [.connection: "close", .contentLength: "2"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        var logger = Logger(label: "loopback-client-test")
        logger.logLevel = .warning
        return try await LocalServer.start(router, logger: logger)
    }

    @Test("bodies framed by Content-Length or by chunks are read whole, request after request on one connection")
    func readsBothFramings() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let sizes = try await LoopbackHTTPClient.onOwnThread(port: server.port) { client in
            var sizes: [Int] = []
            for size in [0, 1, 17, 20_000] { sizes.append(try client.search("size=\(size)")) }
            let chunked = try client.get("/chunked")
            sizes.append(chunked.bodyBytes)
            sizes.append(try client.search("size=5"))
            return sizes
        }
        #expect(sizes == [0, 1, 17, 20_000, 15_010, 5])
    }

    @Test("a connection the server closes is opened again for the next request")
    func reconnectsAfterClose() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        let answers = try await LoopbackHTTPClient.onOwnThread(port: server.port) { client in
            [try client.get("/closing"), try client.get("/closing"), try client.get("/api/v1/jobs?size=3")]
        }
        #expect(answers.map(\.status) == [200, 200, 200])
        #expect(answers.map(\.bodyBytes) == [2, 2, 3])
    }

    @Test("a search answered with anything but 200 is an error, not a timing")
    func searchRequiresSuccess() async throws {
        let server = try await Self.server()
        defer { server.stop() }
        await #expect(throws: LoopbackHTTPClient.Failure.self) {
            try await LoopbackHTTPClient.onOwnThread(port: server.port) { try $0.search("fail=1") }
        }
        let status = try await LoopbackHTTPClient.onOwnThread(port: server.port) { try $0.get("/missing").status }
        #expect(status == 404)
    }
}
