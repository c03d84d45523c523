import Domain

/// What a new password must be: long enough, of four kinds of character, and not a common one.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 8
    /// Bcrypt reads only the first 72 bytes; a longer password would be silently truncated.
    public static let maximumBytes = 72

    public init() {}

    /// Every rule the password breaks, as messages for the named field; empty when it is acceptable.
    public func problems(with password: String) -> [String] {
        var problems: [String] = []
        if password.count < Self.minimumLength { problems.append("must be at least \(Self.minimumLength) characters") }
        if password.utf8.count > Self.maximumBytes { problems.append("must be at most \(Self.maximumBytes) bytes") }
        if !password.contains(where: \.isUppercase) { problems.append("must contain an upper-case letter") }
        if !password.contains(where: \.isLowercase) { problems.append("must contain a lower-case letter") }
        if !password.contains(where: \.isNumber) { problems.append("must contain a digit") }
        if !password.contains(where: { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }) {
            problems.append("must contain a symbol")
        }
        if CommonPasswords.contains(password) { problems.append("is one of the 10,000 most common passwords") }
        return problems
    }

    /// Throws 422 naming `field` when the password breaks a rule.
    public func validate(_ password: String, field: String) throws {
        let problems = problems(with: password)
        guard problems.isEmpty else {
            throw DomainError.invalid("The password does not meet the password policy.",
                                      fieldErrors: problems.map { FieldError(field: field, message: $0) })
        }
    }
}
