import Foundation
import Glibc

/// A benchmark's HTTP/1.1 client: GETs over one keep-alive TCP connection to 127.0.0.1, on one
/// blocking socket, as `http.client` in `Benchmarks/tantivy/compare.py` does.
///
/// Latency figures are meant to be the server's. A general client (connection pool, event loop,
/// async body stream) spends a few hundred microseconds of its own on every request, on the same
/// cores the server needs; this one writes the request and reads the answer, nothing else. Answers
/// are framed by `Content-Length` or chunked; a connection the server closed is opened again.
final class LoopbackHTTPClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    private var socket: Int32 = -1
    /// Bytes read past the end of the last answer (none, with one request at a time, unless the
    /// server misframes).
    private var buffered: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    init(port: Int) {
        self.port = port
    }

    deinit { close() }

    /// Runs `body` with a client on a thread of its own, so blocking reads hold no thread of Swift's
    /// concurrency pool (an in-process server answers on that pool).
    static func onOwnThread<Result: Sendable>(
        port: Int, _ body: @escaping @Sendable (LoopbackHTTPClient) throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let client = LoopbackHTTPClient(port: port)
                continuation.resume(with: Swift.Result { try body(client) })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// GETs `target` (a path with its query) and returns the status and the body's size.
    func get(_ target: String) throws -> (status: Int, bodyBytes: Int) {
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: application/json\r\n\r\n".utf8)
        if socket >= 0, (try? send(request)) != nil, let answer = try? readResponse() { return answer }
        // Not connected yet, or the server closed the kept-alive connection: once more on a new one.
        close()
        try connect()
        try send(request)
        return try readResponse()
    }

    /// `GET /api/v1/jobs?query`, the search route; anything but 200 is an error. Returns the body's size.
    @discardableResult
    func search(_ query: String) throws -> Int {
        let (status, bodyBytes) = try get("/api/v1/jobs?" + query)
        guard status == 200 else { throw Failure(description: "benchmark query failed with \(status): \(query)") }
        return bodyBytes
    }

    func close() {
        if socket >= 0 { _ = Glibc.close(socket) }
        socket = -1
        buffered.removeAll()
    }

    private func connect() throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let error = errno
            _ = Glibc.close(descriptor)
            throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(error)")
        }
        socket = descriptor
    }

    private func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += written
        }
    }

    /// Reads more bytes into `buffered`; throws at the end of the stream.
    private func fill() throws {
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { throw Failure(description: count == 0 ? "connection closed" : "recv failed: errno \(errno)") }
        buffered.append(contentsOf: chunk[0..<count])
    }

    /// Takes `count` bytes from the front of the stream.
    private func take(_ count: Int) throws -> ArraySlice<UInt8> {
        while buffered.count < count { try fill() }
        let taken = buffered[0..<count]
        buffered.removeFirst(count)
        return taken
    }

    /// Takes one line, without its CRLF (or a bare LF, which RFC 9112 lets a recipient accept).
    private func line() throws -> String {
        var searched = 0
        while true {
            if let end = buffered[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                var text = try take(end + 1).dropLast()
                if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
                return String(decoding: text, as: UTF8.self)
            }
            searched = buffered.count
            try fill()
        }
    }

    private func readResponse() throws -> (status: Int, bodyBytes: Int) {
        let statusLine = try line()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw Failure(description: "not an HTTP/1.1 status line: \(statusLine)")
        }
        var contentLength: Int?, chunked = false, closes = false
        while case let header = try line(), !header.isEmpty {
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].lowercased()
            let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            switch name {
            case "content-length": contentLength = Int(value)
            case "transfer-encoding": chunked = value.contains("chunked")
            case "connection": closes = value == "close"
            default: break
            }
        }
        var bodyBytes = 0
        if chunked {
            while true {
                let sizeLine = try line()
                guard let size = Int(sizeLine.split(separator: ";")[0].trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw Failure(description: "bad chunk size: \(sizeLine)")
                }
                if size == 0 {
                    while try !line().isEmpty {}  // trailers, then the empty line
                    break
                }
                bodyBytes += try take(size).count
                _ = try take(2)
            }
        } else if let contentLength {
            bodyBytes = try take(contentLength).count
        } else {
            throw Failure(description: "an answer with neither Content-Length nor chunked framing")
        }
        if closes { close() }
        return (status, bodyBytes)
    }
}
