import Foundation
import JobPostings
@testable import Search

/// A small hand-made corpus whose facet counts can be checked by hand.
enum TestCorpus {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let day: TimeInterval = 86_400

    static func posting(
        _ id: String, title: String, description: String = "A role on a friendly team.", company: String = "Acme",
        location: String = "Berlin, Germany", remote: Bool = false, type: EmploymentType? = .fullTime,
        salary: (Int?, Int?) = (nil, nil), currency: String? = nil, postedDaysAgo: Double = 1,
        expiresInDays: Double? = 30, status: PostingStatus = .open, provider: String = "test"
    ) -> JobPosting {
        JobPosting(
            jobID: "\(provider)#\(id)", providerID: provider, title: title, description: description,
            company: company, location: location, remote: remote, employmentType: type,
            minSalary: salary.0, maxSalary: salary.1,
            currency: salary.0 == nil && salary.1 == nil ? nil : (currency ?? "EUR"),
            postedDate: now.addingTimeInterval(-postedDaysAgo * day),
            expiresAt: expiresInDays.map { now.addingTimeInterval($0 * day) }, updatedAt: now, status: status
        )
    }

    static let postings: [JobPosting] = [
        posting("1", title: "Senior Software Engineer", description: "Build backend services in Swift and Go.",
                company: "Acme", location: "Berlin, Germany", salary: (70_000, 90_000), postedDaysAgo: 1),
        posting("2", title: "Data Engineer", description: "Pipelines with Python. Engineers welcome.",
                company: "Northwind", location: "München, Germany", remote: true, salary: (60_000, 80_000), postedDaysAgo: 2),
        posting("3", title: "Project Manager", description: "Lead software engineer teams as a project manager.",
                company: "Acme", location: "Zürich, Switzerland", salary: (120_000, 140_000), currency: "CHF", postedDaysAgo: 3),
        posting("4", title: "Registered Nurse", description: "Care for patients on the night shift.",
                company: "City Hospital", location: "London, United Kingdom", type: .partTime, salary: (30_000, 40_000),
                currency: "GBP", postedDaysAgo: 4),
        posting("5", title: "Full-Stack Developer", description: "Node.js and React; some C++ and C# too.",
                company: "Bluepeak", location: "Berlin, Germany", remote: true, type: .contract, postedDaysAgo: 5),
        posting("6", title: "IT Support Technician", description: "Keep laptops and e-mail running.",
                company: "Northwind", location: "Paris, France", salary: (35_000, nil), postedDaysAgo: 6),
        posting("7", title: ".NET Developer", description: "ASP.NET services for a bank.",
                company: "Bluepeak", location: "Berlin, Germany", salary: (55_000, 75_000), postedDaysAgo: 7),
        posting("8", title: "Warehouse Operative", description: "Pick and pack; forklift a plus.",
                company: "Acme", location: "Hamburg, Germany", type: .temporary, postedDaysAgo: 8),
        posting("9", title: "Expired Engineer", description: "This posting has expired.",
                company: "Acme", location: "Berlin, Germany", postedDaysAgo: 40, expiresInDays: -1),
        posting("10", title: "Closed Engineer", description: "This posting was closed.",
                company: "Acme", location: "Berlin, Germany", postedDaysAgo: 2, status: .closed),
        posting("11", title: "Machine Learning Researcher", description: "Research on managing engineering data.",
                company: "Northwind", location: "Berlin, Germany", remote: true, salary: (100_000, 160_000), postedDaysAgo: 9),
        posting("12", title: "Office Manager", description: "Run the office; managers of facilities report to you.",
                company: "Café Crème", location: "Montréal, Canada", type: .fullTime, salary: (50_000, 50_000),
                currency: "CAD", postedDaysAgo: 10),
    ]

    /// An index holding `postings`, row ids 1…n in order.
    static func index(_ postings: [JobPosting] = postings, maximumSegments: Int = 8) -> InvertedJobSearchIndex {
        let index = InvertedJobSearchIndex(maximumSegments: maximumSegments)
        index.apply(changes(postings, firstRow: 1, firstSequence: 1))
        return index
    }

    static func changes(_ postings: [JobPosting], firstRow: Int64, firstSequence: Int64) -> [JobPostingChange] {
        postings.enumerated().map { offset, posting in
            JobPostingChange(sequence: firstSequence + Int64(offset),
                             stored: StoredJobPosting(rowID: firstRow + Int64(offset), posting: posting))
        }
    }

    /// Job ids of a search, in result order (row ids map back to the corpus by position).
    static func ids(_ index: InvertedJobSearchIndex, _ query: JobSearchQuery, corpus: [JobPosting] = postings) throws -> [String] {
        try index.search(query, now: now).rowIDs.map { corpus[Int($0) - 1].jobID.replacingOccurrences(of: "test#", with: "") }
    }
}
