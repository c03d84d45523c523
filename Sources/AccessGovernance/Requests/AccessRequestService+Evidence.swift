import Foundation

extension AccessRequestService {
    /// The policies that decided (broken or applied), then what the knowledge search finds about the same
    /// role, application and conditions: related policies and past decisions.
    func evidence(for assessment: AccessAssessment, snapshot: DirectorySnapshot) async -> [Evidence] {
        var evidence: [Evidence] = []
        let violated = Set(assessment.checks.reasons.flatMap { $0.policyIDs ?? [] })
        for policy in snapshot.document.policies where violated.contains(policy.policyID) {
            evidence.append(Evidence(kind: .policy, id: policy.policyID, title: policy.title, quote: policy.text, relevance: .violated))
        }
        for policy in snapshot.document.policies where assessment.checks.appliedPolicies.contains(policy.policyID) && !violated.contains(policy.policyID) {
            evidence.append(Evidence(kind: .policy, id: policy.policyID, title: policy.title, quote: policy.text, relevance: .applied))
        }
        guard let knowledge else { return evidence }
        await refreshPrecedents(knowledge, snapshot: snapshot)
        let entities = assessment.reading.entities
        var queries: [String] = []
        if let role = entities.roleID.flatMap(snapshot.role) {
            queries.append(role.name)
            queries.append("\(role.sensitivity.rawValue) sensitivity")
        }
        if let application = entities.appID.flatMap(snapshot.application) { queries.append(application.name) }
        if let user = entities.userID.flatMap { snapshot.user($0) } {
            queries.append(user.employmentType.rawValue)
            if !user.department.isEmpty { queries.append(user.department) }
        }
        guard !queries.isEmpty else { return evidence }
        let known = Set(evidence.map(\.id))
        let related = await knowledge.search(queries, limit: 8).filter { !known.contains($0.id) }
        return evidence + related.prefix(5)
    }
}

extension AccessRequestService {
    /// Decisions made by other processes become evidence here too: every half minute at most, the
    /// requests changed since the last look are added (the knowledge keeps each request once).
    func refreshPrecedents(_ knowledge: any AccessKnowledge, snapshot: DirectorySnapshot) async {
        let now = clock.now()
        let since = precedentsReadAt.withLock { last -> Date? in
            guard let previous = last else { last = now; return nil }
            guard now.timeIntervalSince(previous) >= Self.precedentRefresh else { return nil }
            last = now
            return previous.addingTimeInterval(-1)
        }
        guard let since, let changed = try? await repository.requests(changedSince: since, limit: 1_000) else { return }
        await knowledge.addPrecedents(Precedent.of(changed, snapshot: snapshot))
    }
}

extension Precedent {
    /// Decided requests as precedents: what was asked, for whom, and the outcome with its reasons.
    static func of(_ requests: [AccessRequest], snapshot: DirectorySnapshot) -> [Precedent] {
        requests.compactMap { request in
            guard let decision = request.decision, let roleID = request.entities.roleID, let role = snapshot.role(roleID) else { return nil }
            let application = snapshot.application(role.appID)?.name ?? role.appID
            let user = request.entities.userID.flatMap { snapshot.user($0) }?.name ?? request.entities.userID ?? "someone"
            let reasons = request.reasons.map(\.code.rawValue).joined(separator: ", ")
            let summary = "\(decision.rawValue): \(role.name) in \(application) for \(user)" + (reasons.isEmpty ? "" : " (\(reasons))")
            let detail = request.reasons.map(\.detail).joined(separator: ". ")
            return Precedent(requestID: request.id, summary: summary, text: "\(role.name) \(application) \(role.sensitivity.rawValue) sensitivity. \(detail)")
        }
    }
}

extension AccessRequestService {
    /// Decided requests as knowledge, for a process that starts with requests already made.
    public static func precedents(of requests: some Sequence<AccessRequest>, snapshot: DirectorySnapshot) -> [Precedent] {
        Precedent.of(Array(requests), snapshot: snapshot)
    }
}
