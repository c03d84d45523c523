import JobPostings

extension IndexedDocument {
    init(rowID: Int64, posting: JobPosting, skills: [PostingSkill] = []) {
        self.init(
            rowID: rowID,
            texts: [posting.title, posting.company, posting.description],
            postedAt: Int64(posting.postedDate.timeIntervalSince1970),
            expiresAt: posting.expiresAt.map { Int64($0.timeIntervalSince1970) } ?? Self.neverExpires,
            minSalary: posting.minSalary.map(Int64.init) ?? Self.noSalary,
            maxSalary: posting.maxSalary.map(Int64.init) ?? Self.noSalary,
            currency: posting.currency ?? "",
            remote: posting.remote,
            location: posting.location,
            company: posting.company,
            employmentType: posting.employmentType?.rawValue ?? "",
            provider: posting.providerID,
            skills: skills
        )
    }
}
