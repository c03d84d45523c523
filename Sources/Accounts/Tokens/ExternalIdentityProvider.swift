import Domain
import Foundation
import JWTKit

/// An OpenID Connect issuer whose signed tokens (RS256, ES256) Wayfinder accepts, such as an Amazon
/// Cognito user pool: keys come from its JWKS document, fetched on first use and again when a
/// token names a key id the cached set lacks (the issuer rotated its keys).
public actor ExternalIdentityProvider {
    public struct Configuration: Sendable, Equatable {
        public var issuer: String
        public var jwksURL: String
        /// When set, tokens must name this audience (`aud`, or Cognito's `client_id` on access tokens).
        public var audience: String?

        public init(issuer: String, jwksURL: String? = nil, audience: String? = nil) {
            let trimmed = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
            self.issuer = trimmed
            self.jwksURL = jwksURL ?? trimmed + "/.well-known/jwks.json"
            self.audience = audience
        }
    }

    /// The identity a verified external token carries.
    public struct Identity: Sendable, Equatable {
        public var subject: String
        public var email: String?
        public var groups: Set<UserGroup>
    }

    public let configuration: Configuration
    private let fetchDocument: @Sendable (String) async throws -> Data
    private let clock: any WallClock
    private var keys: JWTKeyCollection?
    private var lastFetch: Date?

    /// `fetchDocument` reads a URL's body (an HTTP GET in production).
    public init(configuration: Configuration, clock: any WallClock, fetchDocument: @escaping @Sendable (String) async throws -> Data) {
        self.configuration = configuration
        self.clock = clock
        self.fetchDocument = fetchDocument
    }

    public func verify(_ token: String) async throws -> Identity {
        let claims: ExternalClaims
        do {
            claims = try await verifyRefreshingKeys(token)
        } catch let error as DomainError {
            throw error
        } catch {
            throw DomainError.unauthorized("The identity provider's token is not valid.")
        }
        guard claims.iss == configuration.issuer else { throw DomainError.unauthorized("The token's issuer is not trusted.") }
        guard let exp = claims.exp, Date(timeIntervalSince1970: exp) > clock.now() else {
            throw DomainError.unauthorized("The token has expired.")
        }
        if let audience = configuration.audience, !claims.audiences.contains(audience) {
            throw DomainError.unauthorized("The token is not meant for this service.")
        }
        return Identity(
            subject: claims.sub, email: claims.email?.lowercased(),
            groups: Set((claims.groups ?? []).compactMap(UserGroup.init(rawValue:)))
        )
    }

    private func verifyRefreshingKeys(_ token: String) async throws -> ExternalClaims {
        let keys = try await currentKeys()
        do {
            return try await keys.verify(token, as: ExternalClaims.self)
        } catch let error as JWTError where error.errorType == .unknownKID {
            // At most one refetch a minute, so a stream of forged key ids cannot hammer the issuer.
            guard let lastFetch, clock.now().timeIntervalSince(lastFetch) > 60 else { throw error }
            self.keys = nil
            return try await currentKeys().verify(token, as: ExternalClaims.self)
        }
    }

    private func currentKeys() async throws -> JWTKeyCollection {
        if let keys { return keys }
        let data: Data
        do {
            data = try await fetchDocument(configuration.jwksURL)
        } catch {
            throw DomainError.unavailable("The identity provider's keys could not be fetched.")
        }
        let collection = JWTKeyCollection()
        do {
            try await collection.add(jwksJSON: String(decoding: data, as: UTF8.self))
        } catch {
            throw DomainError.unavailable("The identity provider's key set is not a valid JWKS document.")
        }
        keys = collection
        lastFetch = clock.now()
        return collection
    }
}

/// The claims Wayfinder reads from an external token; the signature and key are checked by jwt-kit.
struct ExternalClaims: JWTPayload {
    var iss: String
    var sub: String
    var exp: Double?
    var aud: AudienceClaim?
    var clientID: String?
    var email: String?
    var groups: [String]?

    enum CodingKeys: String, CodingKey {
        case iss, sub, exp, aud, email
        case clientID = "client_id"
        case groups = "cognito:groups"
    }

    var audiences: [String] { (aud?.value ?? []) + (clientID.map { [$0] } ?? []) }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
