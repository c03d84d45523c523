import AsyncHTTPClient
import Foundation
import NIOCore

/// One answer from the service, its body read in full.
struct S3Response {
    var status: Int
    var body: Data
    var isSuccess: Bool { (200..<300).contains(status) }
    var error: S3ErrorDocument { S3ErrorDocument(body) }
}

/// Signing, sending and reading one request, with transport failures turned into `S3Error`.
extension S3BlobStore {
    /// Error documents are small; a larger error body is cut off rather than read whole.
    static let errorBodyLimit = 64 * 1024

    /// `{endpoint}/{bucket}/{key}`, each segment encoded the way the signature encodes it.
    func url(_ segments: [Substring]) -> URL {
        var base = configuration.endpoint.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let path = ([configuration.bucket] + segments.map(String.init)).map(AWSSignatureV4.uriEncode).joined(separator: "/")
        return URL(string: base + "/" + path)!
    }

    func send(_ method: String, _ segments: [Substring], body: Data = Data(), headers: [String: String] = [:],
              bodyLimit: Int = S3BlobStore.errorBodyLimit) async throws -> S3Response {
        let url = url(segments)
        let signature = signer.sign(method: method, url: url, headers: headers,
                                    payloadHash: AWSSignatureV4.payloadHash(body), date: now())
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .init(rawValue: method)
        for (name, value) in signature.headers { request.headers.replaceOrAdd(name: name, value: value) }
        if !body.isEmpty || method == "PUT" {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let operation = operation(method, segments.isEmpty ? nil : segments.joined(separator: "/"))
        let parts = configuration.timeout.components
        let deadline = NIODeadline.now() + .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
        let client = self.client, limit = bodyLimit, timeout = configuration.timeout, prepared = request
        do {
            // The deadline bounds connecting and the head; racing a timer also bounds a server that is slow
            // to be reached at all, or whose body never ends. It fires a little after the deadline, so the
            // client's own answer (refused, timed out) wins when it comes.
            return try await withDeadline(timeout + .milliseconds(250), failure: HTTPClientError.deadlineExceeded) {
                let response = try await client.execute(prepared, deadline: deadline)
                let status = Int(response.status.code)
                guard (200..<300).contains(status) else {
                    // An error document too large to be one is read as no document; the status still says what failed.
                    let body = try? await response.body.collect(upTo: Self.errorBodyLimit)
                    return S3Response(status: status, body: body.map { Data($0.readableBytesView) } ?? Data())
                }
                let body = try await response.body.collect(upTo: limit)
                return S3Response(status: status, body: Data(body.readableBytesView))
            }
        } catch is NIOTooManyBytesError {
            throw S3Error.tooLarge(operation: operation, limit: bodyLimit)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw S3Error.timedOut(operation: operation)
        } catch {
            throw S3Error.unreachable(operation: operation, reason: "\(error)")
        }
    }
}
