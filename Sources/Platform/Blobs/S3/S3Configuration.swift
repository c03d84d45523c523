import Foundation

/// Where `S3BlobStore` keeps blobs: one bucket at an S3-compatible endpoint, addressed path-style
/// (`{endpoint}/{bucket}/{key}`), which every S3-compatible server accepts whatever its DNS setup.
public struct S3Configuration: Sendable, CustomStringConvertible {
    /// The service's base URL, e.g. `https://s3.eu-central-1.amazonaws.com` or `http://127.0.0.1:9000`.
    public var endpoint: URL
    public var bucket: String
    public var accessKeyID: String
    public var secretAccessKey: String
    /// The region in the signature's scope; servers outside AWS usually accept `us-east-1`.
    public var region: String
    /// The most one request may take, the body included.
    public var timeout: Duration

    public init(endpoint: URL, bucket: String, accessKeyID: String, secretAccessKey: String,
                region: String = "us-east-1", timeout: Duration = .seconds(30)) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.timeout = timeout
    }

    /// Without the secret, so a configuration can be logged.
    public var description: String {
        "S3Configuration(endpoint: \(endpoint.absoluteString), bucket: \(bucket), accessKeyID: \(accessKeyID), region: \(region))"
    }
}
