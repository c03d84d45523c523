import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// `HTTPFetcher` over AsyncHTTPClient: one shared client, a deadline per request, a cap on body size.
public final class AsyncHTTPFetcher: HTTPFetcher {
    private let client: HTTPClient
    private let ownsClient: Bool
    /// Largest body read; a provider answering with more is treated as broken rather than exhausting memory.
    public let maximumBodySize: Int
    public let userAgent: String

    public init(client: HTTPClient? = nil, maximumBodySize: Int = 512 * 1_048_576, userAgent: String = "Wayfinder/1.0 (+job ingestion)") {
        self.client = client ?? HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .follow(max: 5, allowCycles: false)))
        ownsClient = client == nil
        self.maximumBodySize = maximumBodySize
        self.userAgent = userAgent
    }

    public func get(_ url: URL, headers: [String: String], timeout: Duration) async throws -> HTTPFetchResponse {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept-Encoding", value: "identity")
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        let deadline = Self.deadline(after: timeout)
        do {
            return try await execute(request, deadline: deadline)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw HTTPFetchError.timedOut(url: url.absoluteString)
        } catch is NIOTooManyBytesError {
            throw HTTPFetchError.tooLarge(url: url.absoluteString, limit: maximumBodySize)
        } catch let error as HTTPFetchError {
            throw error
        } catch {
            throw HTTPFetchError.transport(url: url.absoluteString, message: "\(error)")
        }
    }

    /// Sends `request` and reads the whole answer, at most `maximumBodySize` bytes.
    private func execute(_ request: HTTPClientRequest, deadline: NIODeadline) async throws -> HTTPFetchResponse {
        let response = try await client.execute(request, deadline: deadline)
        let body = try await response.body.collect(upTo: maximumBodySize)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return HTTPFetchResponse(status: Int(response.status.code), headers: fields, body: Data(body.readableBytesView))
    }

    static func deadline(after timeout: Duration) -> NIODeadline {
        .now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
    }

    public func shutdown() async {
        if ownsClient { try? await client.shutdown() }
    }
}

extension AsyncHTTPFetcher: HTTPSender {
    public func send(_ outgoing: HTTPOutgoingRequest, timeout: Duration) async throws(HTTPSendError) -> HTTPFetchResponse {
        let url = outgoing.url.absoluteString
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: outgoing.method)
        request.headers.add(name: "User-Agent", value: userAgent)
        for (name, value) in outgoing.headers { request.headers.replaceOrAdd(name: name, value: value) }
        if !outgoing.body.isEmpty || outgoing.method != "GET" { request.body = .bytes(ByteBuffer(bytes: outgoing.body)) }
        let deadline = Self.deadline(after: timeout)
        do {
            return try await execute(request, deadline: deadline)
        } catch {
            throw Self.classify(error, url: url)
        }
    }

    /// Only a failure to connect proves the request was not seen; anything later might have been.
    static func classify(_ error: any Error, url: String) -> HTTPSendError {
        if let error = error as? HTTPClientError, error == .connectTimeout {
            return .notSent(url: url, message: "\(error)")
        }
        if error is NIOConnectionError { return .notSent(url: url, message: "connection refused") }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return .notSent(url: url, message: "\(error)")
        }
        if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
            return .noAnswer(url: url, message: "timed out")
        }
        return .noAnswer(url: url, message: "\(error)")
    }
}
