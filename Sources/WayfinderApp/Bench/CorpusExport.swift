import Foundation
import JobPostings

/// Writes the demo corpus as normalized JSON Lines, so other engines (and `import`) can load the
/// very postings the benchmarks search.
public enum CorpusExport {
    public static func write(postings: Int, to path: String, now: Date = Date()) throws {
        let corpus = try DemoCorpus.bundled()
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw SettingsError("cannot write \(path)") }
        defer { try? handle.close() }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var buffer = Data()
        for number in 0..<postings {
            buffer.append(try encoder.encode(ExportedPosting(corpus.posting(number: number, now: now))))
            buffer.append(0x0A)
            if buffer.count > 1 << 22 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
    }
}

/// The normalized import format, field for field. Unlike the API's detail (which shows yearly
/// figures beside the original interval), salaries are written per stated interval, which is how
/// `import` reads them, so an export imports back unchanged.
private struct ExportedPosting: Encodable {
    var jobId, providerId, title, description, company, location: String
    var descriptionHtml: String?
    var remote: Bool
    var employmentType: String?
    var minSalary, maxSalary: Int?
    var currency, interval: String?
    var postedDate: Date
    var applyUrl: String?
    var expiresAt: Date?
    var status: String

    init(_ posting: JobPosting) {
        jobId = posting.jobID
        providerId = posting.providerID
        title = posting.title
        description = posting.description
        descriptionHtml = posting.descriptionHTML
        company = posting.company
        location = posting.location
        remote = posting.remote
        employmentType = posting.employmentType?.rawValue
        let periods = posting.payInterval?.periodsPerYear ?? 1
        minSalary = posting.minSalary.map { $0 / periods }
        maxSalary = posting.maxSalary.map { $0 / periods }
        currency = posting.currency
        interval = posting.payInterval?.rawValue
        postedDate = posting.postedDate
        applyUrl = posting.applyURL
        expiresAt = posting.expiresAt
        status = posting.status.rawValue
    }
}
