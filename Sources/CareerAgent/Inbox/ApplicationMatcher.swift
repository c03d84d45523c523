import Foundation

/// Finds the application a message is about: the same employer (spelled with or without its legal
/// form, "Acme" and "Acme Inc."), then the closest role among that employer's applications.
struct ApplicationMatcher {
    func propose(_ analysis: EmailAnalysis, applications: [JobApplication]) -> ProposedAction? {
        let category = analysis.category.value
        guard let target = category.proposedStatus else { return nil }
        let addsInterview = category.isAboutInterview && analysis.interview?.startInstant != nil
        guard let company = analysis.company?.value else {
            return nil
        }
        let key = CompanyReader.key(company)
        let sameEmployer = applications.filter { CompanyReader.sameOrganisation(CompanyReader.key($0.company), key) }
        if let match = bestRole(among: sameEmployer, title: analysis.jobTitle?.value) {
            let next = Self.nextStatus(from: match.status, to: target)
            let reason = "Same employer (\(match.company))" + (analysis.jobTitle.map { _ in " and closest role (\(match.title))" } ?? "")
            return ProposedAction(applicationID: match.id, newApplication: nil, fromStatus: match.status, toStatus: next,
                                  addsInterview: addsInterview, reason: reason)
        }
        let title = analysis.jobTitle?.value ?? "Role at \(company)"
        return ProposedAction(applicationID: nil, newApplication: .init(company: company, title: title), fromStatus: nil, toStatus: target,
                              addsInterview: addsInterview, reason: "No application for \(company) yet")
    }

    private func bestRole(among applications: [JobApplication], title: String?) -> JobApplication? {
        guard !applications.isEmpty else { return nil }
        guard let title else { return applications.max { $0.updatedAt < $1.updatedAt } }
        let wanted = Self.words(title)
        return applications.max { a, b in
            let (scoreA, scoreB) = (Self.overlap(wanted, Self.words(a.title)), Self.overlap(wanted, Self.words(b.title)))
            return scoreA < scoreB || (scoreA == scoreB && a.updatedAt < b.updatedAt)
        }
    }

    /// The status to propose: forward along the pipeline only, except that a rejection or an offer
    /// always applies; nil when the application is already there or past it.
    static func nextStatus(from current: ApplicationStatus, to target: ApplicationStatus) -> ApplicationStatus? {
        let order: [ApplicationStatus] = [.saved, .applied, .assessment, .interview, .offer, .accepted]
        if current == target { return nil }
        if target == .rejected { return current == .accepted || current == .withdrawn ? nil : .rejected }
        if target == .offer { return current == .accepted ? nil : .offer }
        guard let from = order.firstIndex(of: current), let to = order.firstIndex(of: target) else { return nil }
        return to > from ? target : nil
    }

    private static func words(_ text: String) -> Set<String> {
        Set(TriageMessage.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 1 })
    }

    private static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
