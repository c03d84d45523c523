import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the visible text of a WordprocessingML body (`word/document.xml`) with `XMLParser`:
/// `w:t` runs, a newline at the end of every `w:p` (list items and table cells are paragraphs too),
/// `w:tab` as a tab and `w:br`/`w:cr` as a newline, inside runs only (a `w:tab` in paragraph
/// properties is a tab stop, not a character).
///
/// Left out: tracked deletions (`w:del`, `w:moveFrom`), field codes (`w:instrText`, never inside
/// `w:t`), and the `mc:Fallback` copy of a text box, which repeats the `mc:Choice` one for old readers.
final class WordBodyText: NSObject, XMLParserDelegate {
    private static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  // Strict Open XML
    ]
    private static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    private var text = ""
    private var runDepth = 0
    private var textDepth = 0
    /// Elements still open inside a skipped one (0: not skipping).
    private var skippedDepth = 0
    /// Open elements of any kind; FoundationXML on Linux can report success for a document cut
    /// short, so the parse only counts when every element closed and an error was never reported.
    private var openElements = 0
    private var sawRoot = false
    private var failed = false

    /// The body's text, untidied. Throws `corrupt` for XML that is not well-formed or declares a DTD.
    static func read(_ xml: Data) throws -> String {
        // A DTD is the way to entity-expansion bombs and external entities; WordprocessingML never has one.
        guard xml.range(of: Data("<!DOCTYPE".utf8)) == nil, xml.range(of: Data("<!ENTITY".utf8)) == nil else {
            throw DocumentExtractionError.corrupt("\(DOCXTextExtractor.bodyPath) declares a DTD, which Word documents never do")
        }
        let collector = WordBodyText()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse(), !collector.failed, collector.sawRoot, collector.openElements == 0 else {
            throw DocumentExtractionError.corrupt("\(DOCXTextExtractor.bodyPath) is not well-formed XML (line \(parser.lineNumber))")
        }
        return collector.text
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        openElements += 1
        sawRoot = true
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        if namespaceURI == Self.markupCompatibility, elementName == "Fallback" {
            skippedDepth = 1
            return
        }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        let inRun = runDepth > 0
        switch elementName {
        case "del", "moveFrom": skippedDepth = 1
        case "r": runDepth += 1
        case "t": textDepth += 1
        case "tab" where inRun, "ptab" where inRun: text += "\t"
        case "br" where inRun, "cr" where inRun: text += "\n"
        case "noBreakHyphen" where inRun: text += "-"
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        openElements -= 1
        if skippedDepth > 0 {
            skippedDepth -= 1
            return
        }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        switch elementName {
        case "r": runDepth = max(0, runDepth - 1)
        case "t": textDepth = max(0, textDepth - 1)
        case "p": text += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if textDepth > 0, skippedDepth == 0 { text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true
    }
}
