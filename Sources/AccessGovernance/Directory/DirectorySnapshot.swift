import Foundation

/// The directory at one revision, indexed for the checks: who holds what, who reports to whom.
/// Built once per revision and shared by every request until the directory changes.
public struct DirectorySnapshot: Sendable {
    public let document: DirectoryDocument
    public let revision: Int64
    let usersByID: [String: DirectoryUser]
    let usersByEmail: [String: DirectoryUser]
    let applicationsByID: [String: DirectoryApplication]
    let rolesByID: [String: DirectoryRole]
    let rolesByApplication: [String: [DirectoryRole]]
    let heldRoles: [String: Set<String>]
    let managers: Set<String>
    let lexicon: DirectoryLexicon
    /// Names that are not users, applications or roles (departments, titles, weekdays, months): a word
    /// among them is never reported as an unknown application or role.
    let otherNames: Set<String>
    /// Keys of the departments that act as IT: named so ("IT", "Information Technology", "Technology"), or
    /// trusted by a policy's `requester_department_in`.
    let itDepartments: Set<String>

    public init(_ document: DirectoryDocument, revision: Int64 = 0, now: Date = Date()) {
        self.document = document
        self.revision = revision
        usersByID = Dictionary(document.users.map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })
        usersByEmail = Dictionary(document.users.filter { !$0.email.isEmpty }.map { ($0.email.lowercased(), $0) },
                                  uniquingKeysWith: { first, _ in first })
        applicationsByID = Dictionary(document.applications.map { ($0.appID, $0) }, uniquingKeysWith: { first, _ in first })
        rolesByID = Dictionary(document.roles.map { ($0.roleID, $0) }, uniquingKeysWith: { first, _ in first })
        rolesByApplication = Dictionary(grouping: document.roles, by: \.appID)
        var held: [String: Set<String>] = [:]
        for assignment in document.userRoles where assignment.expiresAt.map({ $0 > now }) ?? true {
            held[assignment.userID, default: []].insert(assignment.roleID)
        }
        heldRoles = held
        managers = Set(document.users.compactMap(\.manager))
        lexicon = DirectoryLexicon(document)
        var other = Set(document.users.flatMap { [NameKey.of($0.department), NameKey.of($0.title)] + NameKey.words(of: $0.department) })
        other.formUnion(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
                         "april", "may", "june", "july", "august", "september", "october", "november", "december", "q1", "q2", "q3", "q4",
                         "eod", "eow", "asap", "fyi", "thanks", "hello", "hi", "team", "it", "hr", "finance", "sales", "engineering"])
        other.remove("")
        otherNames = other
        var it: Set<String> = ["it", "informationtechnology", "technology", "itservices", "itoperations", "itsupport", "infrastructure"]
        for policy in document.policies {
            for condition in policy.rule?.allowIf?.any ?? [] {
                if case .requesterDepartmentIn(let departments) = condition { it.formUnion(departments.map { NameKey.of($0) }) }
            }
        }
        itDepartments = it
    }

    public func user(_ id: String) -> DirectoryUser? { usersByID[id] }
    public func user(email: String) -> DirectoryUser? { usersByEmail[email.lowercased()] }
    public func application(_ id: String) -> DirectoryApplication? { applicationsByID[id] }
    public func role(_ id: String) -> DirectoryRole? { rolesByID[id] }
    public func roles(in appID: String) -> [DirectoryRole] { rolesByApplication[appID] ?? [] }
    public func roles(heldBy userID: String) -> Set<String> { heldRoles[userID] ?? [] }

    /// Whether anyone reports to `userID` (a manager is named by user id, or by email in some exports).
    func isPeopleManager(_ user: DirectoryUser) -> Bool {
        managers.contains(user.userID) || (!user.email.isEmpty && managers.contains(user.email))
    }

    /// Whether the user works in IT, who approve for IT and revoke access.
    public func isInIT(_ user: DirectoryUser) -> Bool { itDepartments.contains(NameKey.of(user.department)) }

    /// The user's direct manager, named by user id or email.
    func manager(of user: DirectoryUser) -> DirectoryUser? {
        guard let manager = user.manager else { return nil }
        return usersByID[manager] ?? usersByEmail[manager.lowercased()]
    }
}
