import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `Code` and `Message` of an S3 error body (`<Error><Code>NoSuchKey</Code><Message>...</Message></Error>`).
struct S3ErrorDocument {
    var code: String?
    var message: String?

    /// Nil values for a body that is empty (HEAD answers have none) or not an error document.
    init(_ body: Data) {
        guard !body.isEmpty else { return }
        let reader = Reader()
        let parser = XMLParser(data: body)
        parser.delegate = reader
        _ = parser.parse()
        code = reader.values["Code"].flatMap { $0.isEmpty ? nil : $0 }
        message = reader.values["Message"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Collects the text of the top-level `Error` element's children.
    private final class Reader: NSObject, XMLParserDelegate {
        var values: [String: String] = [:]
        private var path: [String] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            path.append(name)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if path.count == 2, path[0] == "Error" { values[name] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            path.removeLast()
            text = ""
        }
    }
}
