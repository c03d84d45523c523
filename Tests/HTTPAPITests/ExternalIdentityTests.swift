import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Platform
import Testing
import WayfinderApp

/// Tokens from an OpenID Connect issuer (as Amazon Cognito issues them), checked against a JWKS
/// document that a server started by the test publishes.
@Suite("External identity provider")
struct ExternalIdentityTests {
    struct CognitoClaims: JWTPayload {
        var iss: String
        var sub: String
        var exp: Int
        var email: String?
        var groups: [String]?
        var clientID: String?

        enum CodingKeys: String, CodingKey {
            case iss, sub, exp, email
            case groups = "cognito:groups"
            case clientID = "client_id"
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static let issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TEST"

    static func jwks(for key: ES256PrivateKey, kid: String) throws -> String {
        let parameters = try #require(key.publicKey.parameters)
        return #"{"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"\#(kid)","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
    }

    static func sign(_ claims: CognitoClaims, with key: ES256PrivateKey, kid: String) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }

    @Test("a provider's ES256 token signs in its user, with its groups; forged, expired, foreign and wrong-audience tokens are 401")
    func cognitoTokens() async throws {
        let key = ES256PrivateKey(), impostor = ES256PrivateKey()
        let document = try Self.jwks(for: key, kid: "key-1")
        let router = Router()
        router.get("jwks.json") { _, _ in Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: document))) }
        let jwksServer = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: TestApp.logger)
        try await jwksServer.test(.live) { jwksClient in
            let port = try #require(jwksClient.port)
            let settings = TestApp.settings {
                $0.accounts.oidcIssuer = Self.issuer
                $0.accounts.oidcJWKSURL = "http://127.0.0.1:\(port)/jwks.json"
                $0.accounts.oidcAudience = "app-client"
            }
            try await TestApp.withClient(settings: settings) { client in
                let expires = Int(TestApp.now.timeIntervalSince1970) + 600
                let claims = CognitoClaims(iss: Self.issuer, sub: "abc-123", exp: expires, email: "Cog@Example.com", groups: ["employer"], clientID: "app-client")
                let token = try await Self.sign(claims, with: key, kid: "key-1")
                let me = try await client.send(.get, "/api/v1/users/me", token: token)
                #expect(me.status == .ok)
                #expect(me.json["email"] as? String == "cog@example.com")
                #expect(me.json["groups"] as? [String] == ["employer"])
                // The same subject is the same account next time.
                #expect(try await client.send(.get, "/api/v1/users/me", token: token).json["id"] as? String == me.json["id"] as? String)

                let forged = try await Self.sign(claims, with: impostor, kid: "key-1")
                #expect(try await client.send(.get, "/api/v1/users/me", token: forged).status == .unauthorized)
                var expired = claims
                expired.exp = Int(TestApp.now.timeIntervalSince1970) - 1
                #expect(try await client.send(.get, "/api/v1/users/me", token: try await Self.sign(expired, with: key, kid: "key-1")).status == .unauthorized)
                var foreign = claims
                foreign.iss = "https://evil.example"
                #expect(try await client.send(.get, "/api/v1/users/me", token: try await Self.sign(foreign, with: key, kid: "key-1")).status == .unauthorized)
                var otherClient = claims
                otherClient.clientID = "someone-else"
                #expect(try await client.send(.get, "/api/v1/users/me", token: try await Self.sign(otherClient, with: key, kid: "key-1")).status == .unauthorized)
                let unknownKey = try await Self.sign(claims, with: impostor, kid: "key-2")
                #expect(try await client.send(.get, "/api/v1/users/me", token: unknownKey).status == .unauthorized)
            }
        }
    }
}
