import Domain
import Foundation
import JWTKit

/// The claims of every token Wayfinder signs. `token_use` keeps one kind from being accepted as
/// another (an MFA challenge is not an access token).
struct TokenClaims: JWTPayload {
    enum Use: String, Codable {
        case access
        case mfaChallenge = "mfa_challenge"
        case unsubscribe
    }

    var iss: IssuerClaim
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var jti: IDClaim
    var tokenUse: Use
    var email: String?
    var groups: [String]?
    /// The session (refresh-token family) an access token belongs to.
    var sid: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, exp, iat, jti, email, sid
        case tokenUse = "token_use"
        case groups = "cognito:groups"
    }

    /// Expiry is checked against the injected clock by `TokenSigner`, not the system's.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
