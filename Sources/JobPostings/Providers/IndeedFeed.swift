import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The jobs of an Indeed-style feed, each as its child elements' trimmed text (CDATA included), names lower-cased.
struct IndeedFeed {
    var publisher: String?
    var jobs: [[String: String]]

    static let roots: Set<String> = ["source", "jobs"]

    static func parse(_ data: Data) throws -> IndeedFeed {
        let parser = XMLParser(data: data)
        let reader = Reader()
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        // On Linux `parse()` can answer true after libxml2 recovered from an error, so the error is checked too.
        let parsed = parser.parse()
        if !parsed || reader.error != nil || parser.parserError != nil {
            let code = ((reader.error ?? parser.parserError).map { ($0 as NSError).code }).map { " (XML error \($0))" } ?? ""
            throw ProviderError.malformed("the feed is not well-formed XML, near line \(reader.errorLine ?? parser.lineNumber)\(code)")
        }
        guard let root = reader.root, roots.contains(root) else {
            throw ProviderError.malformed("an XML job feed has a <source> or <jobs> root, not <\(reader.root ?? "")>")
        }
        return IndeedFeed(publisher: reader.publisher, jobs: reader.jobs)
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var root: String?
        var publisher: String?
        var jobs: [[String: String]] = []
        private var path: [String] = []
        private var job: [String: String]?
        private var text = ""
        var error: (any Error)?
        var errorLine: Int?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil {
                error = parseError
                errorLine = parser.lineNumber
            }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let name = elementName.lowercased()
            if path.isEmpty { root = name }
            path.append(name)
            if path.count == 2 && name == "job" { job = [:] }
            if path.count == 3 || (path.count == 2 && name == "publisher") { text = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if path.count >= 2 { text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if path.count >= 2 { text += String(decoding: CDATABlock, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            let name = path.last ?? elementName.lowercased()
            let value = text.trimmingWhitespace()
            if path.count == 3 && path[1] == "job" && job != nil {
                if !value.isEmpty && job?[name] == nil { job?[name] = value }
                text = ""
            } else if path.count == 2 && name == "job", let finished = job {
                jobs.append(finished)
                job = nil
            } else if path.count == 2 && name == "publisher" && !value.isEmpty {
                publisher = value
            }
            path.removeLast()
        }
    }
}

/// The date formats feeds use: RFC 822 (with or without the weekday, zone as name or offset) and ISO 8601.
struct FeedDates {
    private let formatters: [DateFormatter]

    init() {
        formatters = ["dd MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm zzz", "dd MMM yyyy",
                      "yyyy-MM-dd HH:mm:ss"].map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            return formatter
        }
    }

    func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingWhitespace()
        if let date = Timestamps.parse(trimmed) { return date }
        // The weekday adds nothing and a wrong one would fail the whole date.
        var rest = Substring(trimmed)
        if let comma = rest.firstIndex(of: ","), rest[..<comma].allSatisfy(\.isLetter) {
            rest = rest[rest.index(after: comma)...].drop(while: { $0 == " " })
        }
        for formatter in formatters {
            if let date = formatter.date(from: String(rest)) { return date }
        }
        return nil
    }
}
