import Domain
import Foundation
import Platform

/// What administrators do to accounts: list them, change their groups, disable them, and create the first admin.
public struct UserAdministration: Sendable {
    let users: any UserRepository
    let sessions: any SessionRepository
    let clock: any WallClock
    let passwords: any PasswordHasher

    public init(users: any UserRepository, sessions: any SessionRepository, clock: any WallClock, passwords: any PasswordHasher) {
        self.users = users
        self.sessions = sessions
        self.clock = clock
        self.passwords = passwords
    }

    /// A page of accounts by email; `cursor` is the last email of the previous page.
    public func list(limit: Int, cursor: String?) async throws -> (users: [User], nextCursor: String?) {
        let page = try await users.users(after: cursor, limit: limit + 1)
        let users = Array(page.prefix(limit))
        return (users, page.count > limit ? users.last?.email : nil)
    }

    public struct Change: Sendable {
        public var groups: Set<UserGroup>?
        public var disabled: Bool?
        public init(groups: Set<UserGroup>?, disabled: Bool?) {
            self.groups = groups
            self.disabled = disabled
        }
    }

    /// Changes groups or the disabled flag. Disabling ends every session at once. An admin cannot
    /// remove their own admin group or disable themselves, so the last admin cannot lock everyone out.
    public func change(_ id: String, _ change: Change, by actor: Actor) async throws -> User {
        guard var user = try await users.user(id: id) else { throw DomainError.notFound("There is no user \(id).") }
        if id == actor.userID, change.disabled == true || change.groups.map({ !$0.contains(.admin) }) == true {
            throw DomainError.invalid("Administrators cannot disable themselves or leave the admin group.",
                                      fieldErrors: [FieldError(field: change.disabled == true ? "disabled" : "groups", message: "cannot be changed on your own account")])
        }
        let now = clock.now()
        if let groups = change.groups {
            guard !groups.isEmpty else {
                throw DomainError.invalid("A user needs a group.", fieldErrors: [FieldError(field: "groups", message: "must name at least one group")])
            }
            user.groups = groups
        }
        if let disabled = change.disabled { user.isDisabled = disabled }
        user.updatedAt = now
        try await users.update(user)
        if change.disabled == true || change.groups != nil {
            // New groups take effect at the next sign-in; ending sessions makes them take effect now.
            try await sessions.revokeSessions(userID: id, keeping: nil, at: now)
        }
        return user
    }

    /// Creates a verified administrator, or makes an existing account one (setting its password).
    public func createAdmin(email: String, password: String, name: String?) async throws -> (user: User, created: Bool) {
        try await provision(email: email, password: password, name: name ?? "Administrator") { $0.insert(.admin) }
    }

    /// Creates a verified account in exactly these groups, or puts an existing one in them (setting
    /// its password): for demo data and scripted setups.
    public func provision(email: String, password: String, name: String, groups: Set<UserGroup>) async throws -> (user: User, created: Bool) {
        try await provision(email: email, password: password, name: name) { $0 = groups }
    }

    private func provision(email rawEmail: String, password: String, name: String,
                           groups: (inout Set<UserGroup>) -> Void) async throws -> (user: User, created: Bool) {
        let email = EmailAddress.normalize(rawEmail)
        if let problem = EmailAddress.problem(with: email) {
            throw DomainError.invalid("The email is not valid.", fieldErrors: [FieldError(field: "email", message: problem)])
        }
        try PasswordPolicy().validate(password, field: "password")
        let now = clock.now()
        let hash = await passwords.hashOffTheEventLoop(password)
        if var user = try await users.user(email: email) {
            groups(&user.groups)
            user.passwordHash = hash
            user.isDisabled = false
            user.emailVerifiedAt = user.emailVerifiedAt ?? now
            user.updatedAt = now
            try await users.update(user)
            return (user, false)
        }
        var initial: Set<UserGroup> = []
        groups(&initial)
        let user = User(
            id: SecretToken.identifier(), email: email, name: name, passwordHash: hash,
            groups: initial.isEmpty ? [.candidate] : initial, emailVerifiedAt: now, createdAt: now, updatedAt: now
        )
        try await users.create(user)
        return (user, true)
    }
}
