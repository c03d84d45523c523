import Crypto
import Foundation

/// Signs HTTP requests with AWS Signature Version 4 (the `Authorization` header form), as S3 and every
/// S3-compatible store (MinIO, R2, Ceph, moto) expect.
///
/// Written to the AWS "Create a signed AWS API request" steps: canonical request, string to sign, a
/// signing key derived from the secret by date, region and service, and the signature over it.
public struct AWSSignatureV4: Sendable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var region: String
    public var service: String

    /// The hash of an empty payload: what a GET, HEAD or DELETE signs.
    public static let emptyPayloadHash = payloadHash(Data())

    public init(accessKeyID: String, secretAccessKey: String, region: String = "us-east-1", service: String = "s3") {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.service = service
    }

    /// What signing produced. The canonical request and string to sign are kept because a store's
    /// `SignatureDoesNotMatch` answer shows its own, and comparing the two is how a mismatch is found.
    public struct Signature: Sendable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var authorization: String
        /// The request's headers plus `Host`, `x-amz-date`, `x-amz-content-sha256` and `Authorization`:
        /// exactly what must be sent.
        public var headers: [String: String]
    }

    /// Signs a request for `url` carrying `headers` (every one of them is signed) and a body whose
    /// SHA-256 is `payloadHash`, at `date`.
    public func sign(method: String, url: URL, headers: [String: String] = [:], payloadHash: String, date: Date) -> Signature {
        let timestamp = Self.timestamp(date)
        var headers = headers
        if !headers.keys.contains(where: { $0.lowercased() == "host" }) { headers["Host"] = Self.host(of: url) }
        headers["x-amz-date"] = timestamp
        headers["x-amz-content-sha256"] = payloadHash

        let canonicalHeaders = Dictionary(headers.map { ($0.key.lowercased(), Self.trimmed($0.value)) }, uniquingKeysWith: { first, _ in first })
            .sorted { $0.key < $1.key }
        let signedHeaders = canonicalHeaders.map(\.key).joined(separator: ";")
        let canonicalRequest = [
            method.uppercased(),
            Self.canonicalPath(of: url),
            Self.canonicalQuery(of: url),
            canonicalHeaders.map { "\($0.key):\($0.value)\n" }.joined(),
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")

        let day = String(timestamp.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", timestamp, scope, Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8)))]
            .joined(separator: "\n")

        var key = SymmetricKey(data: Data("AWS4\(secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope),SignedHeaders=\(signedHeaders),Signature=\(signature)"
        headers["Authorization"] = authorization
        return Signature(canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
                         authorization: authorization, headers: headers)
    }

    /// Lower-case hex SHA-256 of a body, the value of `x-amz-content-sha256`.
    public static func payloadHash(_ body: Data) -> String {
        hex(SHA256.hash(data: body))
    }
}
