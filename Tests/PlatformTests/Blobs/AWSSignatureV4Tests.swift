import Foundation
import Platform
import Testing

/// The signer against AWS's own worked example and against vectors botocore (the AWS SDK for Python)
/// computed for requests with the parts the example lacks: a port, a region, encoded keys, a query.
@Suite("AWS Signature Version 4")
struct AWSSignatureV4Tests {
    static let signer = AWSSignatureV4(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    /// 20130524T000000Z, the example's date.
    static let exampleDate = Date(timeIntervalSince1970: 1_369_353_600)

    @Test("the GET Object example of the S3 SigV4 documentation, step by step")
    func documentedGetObject() throws {
        let signed = Self.signer.sign(method: "GET", url: try #require(URL(string: "https://examplebucket.s3.amazonaws.com/test.txt")),
                                      headers: ["Range": "bytes=0-9"], payloadHash: AWSSignatureV4.emptyPayloadHash, date: Self.exampleDate)
        #expect(signed.canonicalRequest == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signed.stringToSign == """
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
            """)
        #expect(signed.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.headers["Authorization"] == signed.authorization)
        #expect(signed.headers["x-amz-date"] == "20130524T000000Z")
        #expect(signed.headers["Host"] == "examplebucket.s3.amazonaws.com")
    }

    @Test("a path-style PUT on a port, in another region, with a key that needs encoding")
    func encodedPathStylePut() throws {
        var signer = Self.signer
        signer.region = "eu-central-1"
        let body = Data("Welcome to Wayfinder.".utf8)
        let url = try #require(URL(string: "http://127.0.0.1:9000/wayfinder-blobs/reports/2024%20Q1/%C3%BCber%2Bplus%26.pdf"))
        let signed = signer.sign(method: "PUT", url: url, headers: ["Content-Type": "application/pdf"],
                                 payloadHash: AWSSignatureV4.payloadHash(body), date: Date(timeIntervalSince1970: 1_772_368_496))
        #expect(AWSSignatureV4.payloadHash(body) == "57705bb155cdccd596c62bf7d6375211be1355e8a8e3e1ebd6b91d77c69c04d2")
        #expect(signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false).prefix(4) == [
            "PUT", "/wayfinder-blobs/reports/2024%20Q1/%C3%BCber%2Bplus%26.pdf", "", "content-type:application/pdf",
        ])
        #expect(signed.stringToSign.hasSuffix("20260301/eu-central-1/s3/aws4_request\nf05218fddfd7ec027f8c2548f5ba6b69ed3f23c6683c6f392a76cdca05d9eb88"))
        #expect(signed.signature == "776a63caf5a74f53c95a367aec5e62a629e93d286626209bd9f9de65e95e95ea")
        #expect(signed.headers["Host"] == "127.0.0.1:9000", "the port is part of the signed host")
    }

    @Test("query parameters are encoded and sorted, and one without a value signs as name=")
    func canonicalQuery() throws {
        let url = try #require(URL(string: "https://examplebucket.s3.amazonaws.com/?prefix=a%20b%2Fc&list-type=2&acl"))
        let signed = Self.signer.sign(method: "GET", url: url, payloadHash: AWSSignatureV4.emptyPayloadHash, date: Self.exampleDate)
        #expect(signed.canonicalRequest.split(separator: "\n")[2] == "acl=&list-type=2&prefix=a%20b%2Fc")
        #expect(signed.signature == "d57c1d8ecd00b653ad83d26bbd3a827bcab7739f419989d9007adc0038b7d0c5")
    }

    @Test("URI encoding keeps only unreserved characters")
    func uriEncoding() {
        #expect(AWSSignatureV4.uriEncode("AZaz09-._~") == "AZaz09-._~")
        #expect(AWSSignatureV4.uriEncode("a b/c+d=e&ü*") == "a%20b%2Fc%2Bd%3De%26%C3%BC%2A")
        #expect(AWSSignatureV4.uriEncode("\n") == "%0A")
    }
}
