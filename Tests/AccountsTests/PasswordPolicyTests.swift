@testable import Accounts
import Domain
import Testing

@Suite("Password policy")
struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test("accepts a long password of four kinds of character")
    func acceptsStrongPassword() {
        #expect(policy.problems(with: "Tr4il-Mix-Ocean").isEmpty)
    }

    @Test("names each missing kind of character and a short length")
    func namesEachRule() {
        let problems = policy.problems(with: "abc")
        #expect(problems.contains("must be at least 8 characters"))
        #expect(problems.contains("must contain an upper-case letter"))
        #expect(problems.contains("must contain a digit"))
        #expect(problems.contains("must contain a symbol"))
        #expect(!problems.contains("must contain a lower-case letter"))
    }

    @Test("rejects a common password whatever its case, even when it has every kind of character")
    func rejectsCommonPasswords() {
        #expect(CommonPasswords.all.count == 10_000)
        #expect(CommonPasswords.contains("PASSWORD"))
        #expect(policy.problems(with: "P@ssw0rd").contains("is one of the 10,000 most common passwords"))
    }

    @Test("rejects a password longer than bcrypt reads")
    func rejectsOverlongPasswords() {
        #expect(policy.problems(with: "Aa1!" + String(repeating: "x", count: 70)).contains("must be at most 72 bytes"))
    }

    @Test("validation throws 422 naming the field")
    func validationNamesField() {
        #expect(throws: DomainError.invalid("The password does not meet the password policy.",
                                            fieldErrors: [FieldError(field: "new_password", message: "must contain a symbol")])) {
            try policy.validate("Abcdefg1x", field: "new_password")
        }
    }
}
