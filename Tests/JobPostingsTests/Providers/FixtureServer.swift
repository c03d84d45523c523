import Domain
import Foundation
import HTTPTypes
import Hummingbird
import JobPostings
import Logging
import NIOCore
import Platform
import TestPeers

/// What the fixture server saw: a request's path and query.
struct FixtureRequest: Sendable {
    var path: String
    var query: [String: String]
}

/// What the fixture server answers, and how long it waits first.
struct FixtureResponse: Sendable {
    var status = 200
    var headers: [String: String] = [:]
    var body = Data()
    var delay: Duration?

    /// A file from `Fixtures/providers/`, e.g. `greenhouse/jobs.json`.
    static func fixture(_ path: String, contentType: String? = nil) -> FixtureResponse {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/providers/" + path)
        guard let body = try? Data(contentsOf: url) else {
            return FixtureResponse(status: 599, body: Data("missing fixture \(path)".utf8))
        }
        let type = contentType ?? (path.hasSuffix(".json") ? "application/json" : path.hasSuffix(".xml") ? "application/xml" : "text/html")
        return FixtureResponse(headers: ["Content-Type": type], body: body)
    }

    static func status(_ status: Int, headers: [String: String] = [:]) -> FixtureResponse {
        FixtureResponse(status: status, headers: headers, body: Data("{\"error\":\"status \(status)\"}".utf8))
    }

    static let notFound = status(404)

    /// An answer that comes only after `delay`: longer than a client's deadline, it looks like a hung server.
    static func hanging(for delay: Duration = .seconds(3)) -> FixtureResponse {
        FixtureResponse(body: Data("[]".utf8), delay: delay)
    }
}

/// The paths a fixture server was asked for, in order.
actor RequestLog {
    private(set) var requests: [FixtureRequest] = []
    func append(_ request: FixtureRequest) { requests.append(request) }
    var paths: [String] { requests.map(\.path) }
}

/// A live HTTP server on 127.0.0.1 (a free port) answering from `route`, for testing adapters over real
/// HTTP with `AsyncHTTPFetcher`.
enum FixtureServer {
    typealias Route = @Sendable (FixtureRequest) async -> FixtureResponse

    /// Serves `route` while `body` runs with the server's base URL and a `ProviderHTTP` over a fresh client.
    static func serve<Value: Sendable>(
        timeout: Duration = .seconds(5), clock: any WallClock = FixedWallClock(ProviderTests.now),
        log: RequestLog = RequestLog(), _ route: @escaping Route,
        _ body: @Sendable (_ base: String, _ http: ProviderHTTP) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "fixture-server")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            let fixtureRequest = FixtureRequest(path: request.uri.path, query: query)
            await log.append(fixtureRequest)
            let answer = await route(fixtureRequest)
            if let delay = answer.delay { try await Task.sleep(for: delay) }
            var headers = HTTPFields()
            for (name, value) in answer.headers {
                if let field = HTTPField.Name(name) { headers[field] = value }
            }
            return Response(
                status: HTTPResponse.Status(code: answer.status), headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        let fetcher = AsyncHTTPFetcher()
        let http = ProviderHTTP(fetcher: fetcher, limiters: RateLimiters(rate: 1000, burst: 1000), timeout: timeout, clock: clock)
        do {
            let value = try await withLocalTestServer(responder, logger: logger) { port in try await body("http://127.0.0.1:\(port)", http) }
            await fetcher.shutdown()
            return value
        } catch {
            await fetcher.shutdown()
            throw error
        }
    }

    /// Serves fixture files by request path (`/v1/boards/x/jobs` → `greenhouse/jobs.json`); other paths are 404.
    static func files(_ paths: [String: String]) -> Route {
        { request in paths[request.path].map { FixtureResponse.fixture($0) } ?? .notFound }
    }
}

/// Shared values of the provider tests.
enum ProviderTests {
    /// "Now" for every provider test: 2026-12-01T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_796_083_200)

    static func source(_ kind: ProviderKind, _ parameters: SourceParameters, id: Int64 = 7) -> JobSource {
        JobSource(id: id, name: "\(kind.rawValue) test source", kind: kind, parameters: parameters, createdAt: now)
    }

    static func date(_ text: String) -> Date {
        Timestamps.parse(text)!
    }
}
