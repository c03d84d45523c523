import Domain
import Foundation
import JWTKit

/// Signs and checks Wayfinder's own tokens (HS256 with the configured secret).
public struct TokenSigner: Sendable {
    public static let issuer = "wayfinder"
    private let keys: JWTKeyCollection
    private let clock: any WallClock

    /// `secret` comes from configuration or the data directory, never from code.
    public init(secret: Data, clock: any WallClock) async {
        precondition(secret.count >= 32, "a signing secret needs at least 256 bits")
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, kid: "wayfinder")
        self.clock = clock
    }

    func sign(_ use: TokenClaims.Use, subject: String, lifetime: TimeInterval, email: String? = nil,
              groups: Set<UserGroup>? = nil, sessionID: String? = nil) async throws -> String {
        let now = clock.now()
        let claims = TokenClaims(
            iss: IssuerClaim(value: Self.issuer), sub: SubjectClaim(value: subject),
            exp: ExpirationClaim(value: now.addingTimeInterval(lifetime)), iat: IssuedAtClaim(value: now),
            jti: IDClaim(value: SecretToken.identifier()), tokenUse: use, email: email,
            groups: groups.map { $0.map(\.rawValue).sorted() }, sid: sessionID
        )
        return try await keys.sign(claims, kid: "wayfinder")
    }

    /// The claims of a token of this use, or `DomainError.unauthorized` for one that is malformed,
    /// signed by another key, of another use, or expired.
    func verify(_ token: String, use: TokenClaims.Use) async throws -> TokenClaims {
        let claims: TokenClaims
        do {
            claims = try await keys.verify(token, as: TokenClaims.self)
        } catch {
            throw DomainError.unauthorized("The token is not valid.")
        }
        guard claims.iss.value == Self.issuer, claims.tokenUse == use else {
            throw DomainError.unauthorized("The token is not valid here.")
        }
        guard claims.exp.value > clock.now() else {
            throw DomainError.unauthorized("The token has expired.")
        }
        return claims
    }

    /// Whether a token claims to come from this signer (before verifying it), to route it between
    /// this signer and an external identity provider.
    static func issuer(of token: String) -> String? {
        let parts = token.split(separator: ".")
        guard parts.count == 3, let data = Base64URL.decode(String(parts[1])),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["iss"] as? String
    }
}

/// Unpadded base64url, as JWTs and JWKS use it.
enum Base64URL {
    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
