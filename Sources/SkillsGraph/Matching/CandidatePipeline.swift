import Domain
import Foundation
import JobPostings

/// Both ends of matching as people use them: a candidate's matches with their reasons, and an
/// employer's ranked, anonymized candidates per job, with contact requests the candidate accepts or
/// declines. Employers only ever reach their own company's jobs (404 otherwise).
public struct CandidatePipeline: Sendable {
    let matches: any MatchRepository
    let candidates: any CandidateDirectory
    let jobs: EmployerJobService
    let postings: JobSearchService
    let contacts: any ContactRequestRepository
    let profiles: any CandidateProfiles
    let companies: CompanyService
    let notifications: NotificationService
    let clock: any WallClock

    public init(matches: any MatchRepository, candidates: any CandidateDirectory, jobs: EmployerJobService, postings: JobSearchService,
                contacts: any ContactRequestRepository, profiles: any CandidateProfiles, companies: CompanyService,
                notifications: NotificationService, clock: any WallClock) {
        self.matches = matches
        self.candidates = candidates
        self.jobs = jobs
        self.postings = postings
        self.contacts = contacts
        self.profiles = profiles
        self.companies = companies
        self.notifications = notifications
        self.clock = clock
    }

    /// The signed-in candidate's matches, best first, each with the posting and why it fits.
    public func matches(actor: Actor, limit: Int = 50) async throws -> [CandidateMatchView] {
        let pairs = try await matches.matches(userID: actor.userID).sorted { $0.score != $1.score ? $0.score > $1.score : $0.rowID < $1.rowID }
            .prefix(max(1, min(limit, 200)))
        guard let candidate = try await candidates.candidate(userID: actor.userID) else { return [] }
        let stored = Dictionary(try await postings.postings(rowIDs: pairs.map(\.rowID)).map { ($0.rowID, $0.posting) }, uniquingKeysWith: { $1 })
        var views: [CandidateMatchView] = []
        for pair in pairs {
            guard let posting = stored[pair.rowID], let (_, match) = try? await postings.match(jobID: posting.jobID, profile: candidate.profile) else { continue }
            views.append(CandidateMatchView(pair: pair, posting: posting, match: match))
        }
        return views
    }

    /// A company job's candidates, best first, anonymized unless they accepted contact.
    public func candidates(actor: Actor, jobID: String, limit: Int = 50) async throws -> (job: EmployerJob, candidates: [AnonymousCandidate]) {
        let job = try await jobs.job(actor: actor, jobID: jobID)
        guard let stored = try await postings.stored(jobID: job.id) else { return (job, []) }
        let pairs = try await matches.matches(rowIDs: [stored.rowID]).sorted { $0.score != $1.score ? $0.score > $1.score : $0.handle < $1.handle }
            .prefix(max(1, min(limit, 200)))
        let requests = Dictionary(try await contacts.requests(jobID: job.id).map { ($0.candidateID, $0) }, uniquingKeysWith: { $1 })
        var found: [AnonymousCandidate] = []
        for pair in pairs {
            guard let candidate = try await candidates.candidate(userID: pair.userID),
                  let (_, match) = try? await postings.match(jobID: job.id, profile: candidate.profile) else { continue }
            var view = AnonymousCandidate(pair: pair, match: match, candidate: candidate, job: job)
            view.contact = requests[pair.userID]?.status
            if view.contact == .accepted { view.profile = try await profiles.profile(userID: pair.userID) }
            found.append(view)
        }
        return (job, found)
    }

    /// Asks a matched candidate (by their handle on this job) to be introduced.
    public func requestContact(actor: Actor, jobID: String, handle: String, message: String) async throws -> (request: ContactRequest, created: Bool) {
        let job = try await jobs.job(actor: actor, jobID: jobID)
        let text = message.trimmingWhitespace()
        guard text.count <= 2000 else {
            throw DomainError.invalid("The message is too long.", fieldErrors: [FieldError(field: "message", message: "must be at most 2,000 characters")])
        }
        guard job.status == .published, let stored = try await postings.stored(jobID: job.id),
              let pair = try await matches.matches(rowIDs: [stored.rowID]).first(where: { $0.handle == handle }) else {
            throw DomainError.notFound("No such candidate for this job.")
        }
        let request = ContactRequest(id: UUID().uuidString.lowercased(), jobID: job.id, companyID: job.companyID, candidateID: pair.userID,
                                     requestedBy: actor.userID, message: text, status: .pending, createdAt: clock.now())
        let result = try await contacts.insert(request)
        if result.created {
            let company = try await companies.repository.company(id: job.companyID)
            try await notifications.notify(
                userID: pair.userID, kind: .contactRequest, title: "\(company?.name ?? "An employer") would like to contact you",
                body: "About \(job.title). They see your skills and score, not your name, until you accept." + (text.isEmpty ? "" : " Their message: \(text)"),
                link: "/contact-requests", key: "contact-request:\(result.request.id)")
        }
        return result
    }

    /// The candidate's contact requests with the job and company they come from.
    public func contactRequests(actor: Actor) async throws -> [(request: ContactRequest, job: EmployerJob?, company: Company?)] {
        var found: [(ContactRequest, EmployerJob?, Company?)] = []
        for request in try await contacts.requests(candidateID: actor.userID) {
            found.append((request, try await jobs.repository.job(id: request.jobID), try await companies.repository.company(id: request.companyID)))
        }
        return found
    }

    /// The candidate accepts (the employer then sees their profile) or declines.
    public func answer(actor: Actor, requestID: String, accept: Bool) async throws -> ContactRequest {
        guard var request = try await contacts.request(id: requestID, candidateID: actor.userID) else {
            throw DomainError.notFound("No such contact request.")
        }
        guard request.status == .pending else { throw DomainError.conflict("This request was answered already.") }
        let now = clock.now()
        guard try await contacts.answer(id: request.id, candidateID: actor.userID, status: accept ? .accepted : .declined, at: now) else {
            throw DomainError.conflict("This request was answered already.")
        }
        request.status = accept ? .accepted : .declined
        request.answeredAt = now
        let job = try await jobs.repository.job(id: request.jobID)
        try await notifications.notify(
            userID: request.requestedBy, kind: .contactAnswer,
            title: accept ? "A candidate accepted your contact request" : "A candidate declined your contact request",
            body: "For \(job?.title ?? "your job")." + (accept ? " Their profile is now on the job's candidate list." : ""),
            link: "/employer/jobs/\(request.jobID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? request.jobID)/candidates",
            key: "contact-answer:\(request.id)")
        return request
    }
}

/// One of a candidate's matches: the posting, the stored score and the explanation.
public struct CandidateMatchView: Sendable {
    public var pair: StoredMatch
    public var posting: JobPosting
    public var match: JobMatch
}
