import Domain
import Foundation
import Platform

/// A TOTP secret handed to the user for their authenticator app.
public struct TOTPSetup: Sendable, Equatable {
    /// Base32, for typing into an app.
    public var secret: String
    public var otpauthURI: String
}

extension IdentityService {
    static let recoveryCodeCount = 10

    /// Starts TOTP enrolment: a new secret, not yet in force until a code confirms it.
    public func beginTOTP(actor: Actor) async throws -> TOTPSetup {
        guard let user = try await users.user(id: actor.userID) else { throw DomainError.unauthorized("The account is gone.") }
        if let existing = try await users.totp(userID: user.id), existing.confirmedAt != nil {
            throw DomainError.conflict("Two-factor sign-in is already on. Turn it off first to enrol a new authenticator.")
        }
        // 20 characters of a 32-letter alphabet: 100 bits, and the key bytes are exactly these characters.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        let secret = String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
        try await users.saveTOTP(
            TOTPEnrollment(sealedSecret: try secretBox.seal(Data(secret.utf8)), confirmedAt: nil, lastUsedStep: nil),
            userID: user.id
        )
        return Self.setup(secret: secret, email: user.email)
    }

    /// The enrolment still waiting for its first code, to show again after a wrong one (a new secret
    /// would no longer match what the user's app already holds).
    public func pendingTOTP(actor: Actor) async throws -> TOTPSetup? {
        guard let user = try await users.user(id: actor.userID), let enrollment = try await users.totp(userID: user.id),
              enrollment.confirmedAt == nil, let secret = try? secretBox.open(enrollment.sealedSecret)
        else { return nil }
        return Self.setup(secret: String(decoding: secret, as: UTF8.self), email: user.email)
    }

    private static func setup(secret: String, email: String) -> TOTPSetup {
        let uri = TimeBasedCodes.authenticatorURI(secret: secret, label: "Wayfinder:\(email)", issuer: "Wayfinder")
        let base32 = URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        return TOTPSetup(secret: base32, otpauthURI: uri)
    }

    /// Turns TOTP on with the first code from the app; answers the 10 single-use recovery codes.
    public func confirmTOTP(actor: Actor, code: String, address: String?) async throws -> [String] {
        guard let enrollment = try await users.totp(userID: actor.userID) else {
            throw DomainError.conflict("Start enrolment with POST /api/v1/auth/mfa/totp first.")
        }
        guard enrollment.confirmedAt == nil else { throw DomainError.conflict("Two-factor sign-in is already on.") }
        try await throttle.check(.mfa, account: actor.userID, address: address)
        guard try await acceptSecondFactor(code, userID: actor.userID, allowRecoveryCode: false, enrollment: enrollment) else {
            try await throttle.recordFailure(.mfa, account: actor.userID, address: address)
            throw DomainError.invalid("The code is wrong.", fieldErrors: [FieldError(field: "code", message: "is not the current code of the authenticator")])
        }
        var confirmed = try await users.totp(userID: actor.userID) ?? enrollment
        confirmed.confirmedAt = clock.now()
        try await users.saveTOTP(confirmed, userID: actor.userID)
        let codes = (0..<Self.recoveryCodeCount).map { _ in Self.recoveryCode() }
        try await users.replaceRecoveryCodes(codes.map { SecretToken.digest(Self.normalizeRecoveryCode($0)) }, userID: actor.userID)
        return codes
    }

    /// Turns TOTP off, proven with a current code.
    public func removeTOTP(actor: Actor, code: String, address: String?) async throws {
        guard let enrollment = try await users.totp(userID: actor.userID), enrollment.confirmedAt != nil else {
            throw DomainError.notFound("Two-factor sign-in is not on.")
        }
        try await throttle.check(.mfa, account: actor.userID, address: address)
        guard try await acceptSecondFactor(code, userID: actor.userID, allowRecoveryCode: false, enrollment: enrollment) else {
            try await throttle.recordFailure(.mfa, account: actor.userID, address: address)
            throw DomainError.invalid("The code is wrong.", fieldErrors: [FieldError(field: "code", message: "is not the current code of the authenticator")])
        }
        try await users.saveTOTP(nil, userID: actor.userID)
    }

    /// Accepts a TOTP code of the current step or one step either side, once; or an unused recovery code.
    func acceptSecondFactor(_ rawCode: String, userID: String, allowRecoveryCode: Bool,
                            enrollment known: TOTPEnrollment? = nil) async throws -> Bool {
        let code = rawCode.trimmingWhitespace().replacingOccurrences(of: " ", with: "")
        if code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) {
            var enrollment = known
            if enrollment == nil { enrollment = try await users.totp(userID: userID) }
            guard let enrollment,
                  let secret = try? String(decoding: secretBox.open(enrollment.sealedSecret), as: UTF8.self)
            else { return false }
            let currentStep = TimeBasedCodes.step(at: clock.now())
            for offset: Int64 in [-1, 0, 1] {
                let step = currentStep + offset
                if TimeBasedCodes.code(secret: secret, step: step) == code {
                    return try await users.useTOTPStep(step, userID: userID)
                }
            }
            return false
        }
        guard allowRecoveryCode else { return false }
        return try await users.useRecoveryCode(hash: SecretToken.digest(Self.normalizeRecoveryCode(code)), userID: userID, at: clock.now())
    }

    /// `xxxxx-xxxxx` of an alphabet without look-alike characters.
    static func recoveryCode() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet.randomElement(using: &generator)! }
        return String(characters[0..<5]) + "-" + String(characters[5...])
    }

    static func normalizeRecoveryCode(_ code: String) -> String {
        code.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
