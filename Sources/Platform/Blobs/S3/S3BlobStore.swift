import AsyncHTTPClient
import Foundation

/// `BlobStore` over an S3-compatible bucket, for many `serve` and `work` processes sharing blobs.
///
/// Requests are signed with `AWSSignatureV4` and sent path-style. Objects are not encrypted here: the
/// bucket's own server-side encryption and access policy protect them at rest.
public struct S3BlobStore: BlobStore {
    public let configuration: S3Configuration
    /// The largest object `get` reads into memory; a bigger one fails rather than exhausting memory.
    public let maximumObjectSize: Int
    let client: HTTPClient
    let signer: AWSSignatureV4
    let now: @Sendable () -> Date

    /// `client` defaults to AsyncHTTPClient's process-wide one, which needs no shutdown. `now` dates the
    /// signatures; servers refuse a request dated more than 15 minutes off their clock.
    public init(configuration: S3Configuration, client: HTTPClient = .shared, maximumObjectSize: Int = 256 * 1_048_576,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.client = client
        self.maximumObjectSize = maximumObjectSize
        self.now = now
        signer = AWSSignatureV4(accessKeyID: configuration.accessKeyID, secretAccessKey: configuration.secretAccessKey,
                                region: configuration.region, service: "s3")
    }

    public func put(_ data: Data, key: String, contentType: String) async throws {
        let segments = try BlobKey.validate(key)
        let response = try await send("PUT", segments, body: data, headers: ["Content-Type": contentType])
        guard response.isSuccess else { throw rejection("PUT", key, response) }
    }

    public func get(key: String) async throws -> Data {
        let segments = try BlobKey.validate(key)
        let response = try await send("GET", segments, bodyLimit: maximumObjectSize)
        if response.status == 404, response.error.code != "NoSuchBucket" { throw BlobStoreError.notFound(key: key) }
        guard response.isSuccess else { throw rejection("GET", key, response) }
        return response.body
    }

    /// S3 answers 204 whether or not the key existed, as the protocol asks; a compatible server that
    /// answers 404 for a missing key means the same.
    public func delete(key: String) async throws {
        let segments = try BlobKey.validate(key)
        let response = try await send("DELETE", segments)
        if response.status == 404, response.error.code != "NoSuchBucket" { return }
        guard response.isSuccess else { throw rejection("DELETE", key, response) }
    }

    /// A HEAD answer has no body, so a missing bucket looks like a missing key here; `get` tells them apart.
    public func exists(key: String) async throws -> Bool {
        let segments = try BlobKey.validate(key)
        let response = try await send("HEAD", segments)
        if response.status == 404 { return false }
        guard response.isSuccess else { throw rejection("HEAD", key, response) }
        return true
    }

    /// Creates the configured bucket, for a fresh deployment or a test server; one that this account
    /// already owns counts as created.
    public func createBucket() async throws {
        var body = Data()
        // Outside us-east-1, S3 wants the region stated in the body as well as in the signature.
        if configuration.region != "us-east-1" {
            body = Data(("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>\(configuration.region)</LocationConstraint></CreateBucketConfiguration>").utf8)
        }
        let response = try await send("PUT", [], body: body)
        if response.isSuccess || response.error.code == "BucketAlreadyOwnedByYou" { return }
        throw rejection("PUT", nil, response)
    }

    private func rejection(_ method: String, _ key: String?, _ response: S3Response) -> S3Error {
        .rejected(operation: operation(method, key), status: response.status, code: response.error.code, message: response.error.message)
    }

    func operation(_ method: String, _ key: String?) -> String {
        "\(method) \(configuration.bucket)" + (key.map { "/\($0)" } ?? "")
    }
}
