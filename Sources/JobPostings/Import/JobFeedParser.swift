import Domain
import Foundation

/// Reads postings in the formats Wayfinder imports: JSON Lines in the normalized shape, a JSON array
/// (normalized objects or schema.org `JobPosting`s), and HTML pages carrying
/// `<script type="application/ld+json">` blocks.
public struct JobFeedParser: Sendable {
    /// Used to build `job_id` (`provider#identifier`) for schema.org postings, which carry no provider.
    public var provider: String

    public init(provider: String = "jsonld") {
        self.provider = provider
    }

    public enum Format: Sendable, Equatable { case jsonLines, json, html }

    /// Guesses the format from the first meaningful bytes of a file.
    public static func sniff(_ prefix: Data) -> Format {
        for byte in prefix where !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0xEF
            || byte == 0xBB || byte == 0xBF) {
            switch byte {
            case UInt8(ascii: "<"): return .html
            case UInt8(ascii: "["): return .json
            default: return .jsonLines
            }
        }
        return .jsonLines
    }

    /// Parses one line of a JSON Lines feed. Blank lines yield nothing.
    public func parseLine(_ line: Data, number: Int) -> [JobFeedRecord] {
        line.withUnsafeBytes { parseLine($0.bindMemory(to: UInt8.self), number: number) }
    }

    /// Parses one line of a JSON Lines feed given as bytes (without its line break).
    public func parseLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> [JobFeedRecord] {
        guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { return [] }
        // The fast reader handles ordinary lines; whatever it declines, JSONDecoder decides as always.
        if let value = JSONLineParser.parse(line) {
            return records(from: value, position: number)
        }
        do {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(line))
            return records(from: value, position: number)
        } catch {
            return [JobFeedRecord(position: number, draft: .failure(JobFeedError("not valid JSON")))]
        }
    }

    /// Parses a whole JSON document: an array of postings, one posting, or a schema.org `@graph`.
    public func parseDocument(_ data: Data) -> [JobFeedRecord] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return [JobFeedRecord(position: 1, draft: .failure(JobFeedError("not valid JSON")))]
        }
        return records(from: value, position: 1)
    }

    /// Parses every `application/ld+json` block of an HTML page; other markup is ignored.
    public func parseHTML(_ html: String) -> [JobFeedRecord] {
        var records: [JobFeedRecord] = []
        for (offset, block) in JSONLDBlocks.extract(from: html).enumerated() {
            let position = offset + 1
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(block.utf8)) else {
                records.append(JobFeedRecord(position: position, draft: .failure(JobFeedError("ld+json block is not valid JSON"))))
                continue
            }
            records += self.records(from: value, position: position, onlyJobPostings: true)
        }
        return records
    }

    /// The schema.org `JobPosting`s of an already parsed JSON-LD document (one posting, an array, or an
    /// `@graph`); other objects are ignored.
    func parseJSONLD(_ value: JSONValue) -> [JobFeedRecord] {
        records(from: value, position: 1, onlyJobPostings: true)
    }

    private func records(from value: JSONValue, position: Int, onlyJobPostings: Bool = false) -> [JobFeedRecord] {
        switch value {
        case .array(let items):
            return items.enumerated().flatMap { offset, item in
                records(from: item, position: position == 1 ? offset + 1 : position, onlyJobPostings: onlyJobPostings)
            }
        case .object(let object):
            if case .array(let graph)? = object["@graph"] {
                return records(from: .array(graph), position: position, onlyJobPostings: true)
            }
            if SchemaOrgJobPosting.isJobPosting(object) {
                return [JobFeedRecord(position: position, draft: .success(SchemaOrgJobPosting(object).draft(provider: provider)))]
            }
            if onlyJobPostings { return [] }
            return [JobFeedRecord(position: position, draft: .success(JobPostingDraft(fields: object)))]
        default:
            if onlyJobPostings { return [] }
            return [JobFeedRecord(position: position, draft: .failure(JobFeedError("expected a JSON object")))]
        }
    }
}
