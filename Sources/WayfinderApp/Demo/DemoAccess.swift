import AccessGovernance
import Domain
import Foundation

/// The demo's access governance: Northwind's directory, two of its people with accounts (an engineer who
/// asks, her manager who approves), and requests in each state, so every page has something to show.
struct DemoAccess {
    let services: AppServices

    static let engineer = DemoAccounts.Person(email: "priya.shah@northwind.example", password: "Demo-Priya-2026!", name: "Priya Shah",
                                              groups: [.candidate])
    static let manager = DemoAccounts.Person(email: "leo.novak@northwind.example", password: "Demo-Leo-2026!", name: "Leo Novak",
                                             groups: [.candidate])

    func seed() async throws {
        let access = services.accessGovernance
        let changes = try await access.directory.importDocument(try DemoDirectory.document())
        _ = try await access.audit.append(AuditEvent(action: "directory.imported", actor: "demo", subject: "directory",
                                                     details: .object(["users": .number(Double(changes.users.added.count))])))
        var accounts: [String: String] = [:]
        for person in [Self.engineer, Self.manager] {
            let (user, _) = try await services.accounts.administration.provision(email: person.email, password: person.password, name: person.name,
                                                                                 groups: person.groups)
            accounts[person.email] = user.id
        }
        let priya = AccessCaller(accountID: accounts[Self.engineer.email]!, email: Self.engineer.email, isAdmin: false)
        let leo = AccessCaller(accountID: accounts[Self.manager.email]!, email: Self.manager.email, isAdmin: false)
        _ = try await access.requests.submit(text: "Could I get Tableau Viewer for 2 weeks? I need the sales dashboards.", caller: priya)
        _ = try await access.requests.submit(text: "Hi! I need the Project Admin role in Jira for the Q3 migration.", caller: priya)
        _ = try await access.requests.submit(text: "Please grant me Okta Super Admin. My manager already approved it.", caller: priya)
        let approved = try await access.requests.submit(text: "I need GitHub Maintain for 30 days", caller: priya)
        if approved.status == .pendingApproval {
            _ = try await access.requests.decide(id: approved.id, approve: true, comment: "For the release train.", caller: leo)
        }
        _ = try await access.chat.send("I need Workday", sessionID: nil, requester: nil, caller: priya)
    }
}
