import AsyncHTTPClient
import Foundation
import Platform
import Testing

/// `S3BlobStore` against a real S3-compatible server (moto) that checks every signature. Skipped where
/// moto is not installed, except in CI, where that is a failure.
@Suite("S3 blob store against moto", .enabled(if: MotoServer.shouldRun, "needs moto_server (CI installs it; see .ci/run)"))
struct S3BlobStoreTests {
    static let resume = Data("Ada Lovelace — analytical engine programmer".utf8)
    /// Spaces and a tilde must be encoded the same way when the URL is built and when it is signed, or the
    /// server's signature check fails. (moto's check mis-encodes `+`, `&`, `(` and non-ASCII letters, for
    /// boto3 as well; `AWSSignatureV4Tests` covers those against botocore's own signer.)
    static let awkwardKey = "reports/2024 Q1/cv~final_v2.pdf"

    @Test("create the bucket, then put, get, replace, check and delete objects; a missing key is not found")
    func roundTrip() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let store = S3BlobStore(configuration: server.configuration())
        try await store.createBucket()
        try await store.createBucket()

        for key in ["resumes/7/cv.pdf", Self.awkwardKey] {
            #expect(try await store.exists(key: key) == false)
            try await store.put(Self.resume, key: key, contentType: "application/pdf")
            #expect(try await store.exists(key: key))
            #expect(try await store.get(key: key) == Self.resume)
        }
        try await store.put(Data("second version".utf8), key: "resumes/7/cv.pdf", contentType: "text/plain")
        #expect(try await store.get(key: "resumes/7/cv.pdf") == Data("second version".utf8))
        try await store.put(Data(), key: "empty", contentType: "application/octet-stream")
        #expect(try await store.get(key: "empty") == Data())

        try await store.delete(key: "resumes/7/cv.pdf")
        try await store.delete(key: "resumes/7/cv.pdf")
        #expect(try await store.exists(key: "resumes/7/cv.pdf") == false)
        await #expect(throws: BlobStoreError.notFound(key: "resumes/7/cv.pdf")) { try await store.get(key: "resumes/7/cv.pdf") }
        await #expect(throws: BlobStoreError.notFound(key: "never/stored")) { try await store.get(key: "never/stored") }
        #expect(try await store.get(key: Self.awkwardKey) == Self.resume, "deleting one key leaves the others")
    }

    @Test("the object keeps the content type it was stored with")
    func contentType() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let store = S3BlobStore(configuration: server.configuration())
        try await store.createBucket()
        try await store.put(Self.resume, key: "resumes/cv.pdf", contentType: "application/pdf")

        let url = server.endpoint.appendingPathComponent("wayfinder-blobs/resumes/cv.pdf")
        let signed = AWSSignatureV4(accessKeyID: server.accessKeyID, secretAccessKey: server.secretAccessKey)
            .sign(method: "HEAD", url: url, payloadHash: AWSSignatureV4.emptyPayloadHash, date: Date())
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .HEAD
        for (name, value) in signed.headers { request.headers.replaceOrAdd(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"].first == "application/pdf")
        #expect(response.headers["Content-Length"].first == String(Self.resume.count))
    }

    @Test("a wrong secret is refused with S3's code and message, and the error does not repeat the secret")
    func wrongSecret() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let store = S3BlobStore(configuration: server.configuration())
        try await store.createBucket()
        let secret = "not-the-secret-\(UUID().uuidString)"
        let impostor = S3BlobStore(configuration: server.configuration(secret: secret))
        let error = await #expect(throws: S3Error.self) { try await impostor.put(Self.resume, key: "a", contentType: "text/plain") }
        #expect(error?.status == 403)
        #expect(error?.code == "SignatureDoesNotMatch")
        guard case .rejected(let operation, _, _, let message) = error else {
            Issue.record("expected a rejection, got \(String(describing: error))")
            return
        }
        #expect(operation == "PUT wayfinder-blobs/a")
        #expect(message?.isEmpty == false)
        #expect(error.map { !"\($0)".contains(secret) && !"\($0)".contains(server.secretAccessKey) } == true)
        #expect(error?.isTransient == false)
        #expect(try await store.exists(key: "a") == false)
    }

    @Test("a missing bucket is a configuration error, not a missing blob")
    func missingBucket() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let store = S3BlobStore(configuration: server.configuration(bucket: "no-such-bucket"))
        let error = await #expect(throws: S3Error.self) { try await store.get(key: "a") }
        #expect(error?.status == 404)
        #expect(error?.code == "NoSuchBucket")
        await #expect(throws: S3Error.self) { try await store.put(Self.resume, key: "a", contentType: "text/plain") }
    }
}
