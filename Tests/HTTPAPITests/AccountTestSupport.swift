import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

extension TestClientProtocol {
    /// Sends a JSON body (when given) with an optional bearer token or API key and answers the response.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, json: [String: Any]? = nil, token: String? = nil, apiKey: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let apiKey { headers[HTTPField.Name("X-API-Key")!] = apiKey }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        return try await execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// Signs up, verifies through the mailed token and signs in; answers the token pair's fields.
    func signUpAndIn(_ services: any SignUpMail, email: String, password: String = "Sturdy-Pass-42", name: String = "Jo Tester") async throws
        -> (access: String, refresh: String) {
        let signUp = try await send(.post, "/api/v1/auth/signup", json: ["email": email, "password": password, "name": name])
        #expect(signUp.status == .created)
        let token = try #require(try await services.verificationToken(for: email))
        #expect(try await send(.post, "/api/v1/auth/verify", json: ["token": token]).status == .ok)
        let signIn = try await send(.post, "/api/v1/auth/signin", json: ["email": email, "password": password])
        #expect(signIn.status == .ok)
        return (try #require(signIn.json["access_token"] as? String), try #require(signIn.json["refresh_token"] as? String))
    }
}

/// Reads the verification token out of the mail a sign-up sent.
protocol SignUpMail: Sendable {
    func verificationToken(for email: String) async throws -> String?
}
