@testable import Domain
import Foundation
@testable import JobPostings
import Testing

/// The import's fast paths must give exactly what the reference implementations give: stored
/// fields, fingerprints and error reports depend on it.
@Suite("Fast paths agree with the reference implementations")
struct FastPathEquivalenceTests {
    // MARK: JSON

    func reference(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    func fast(_ text: String) -> JSONValue? {
        Array(text.utf8).withUnsafeBufferPointer { JSONLineParser.parse($0) }
    }

    static let jsonSamples = [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#, #"  {"x" : "y"}  "#, "42", "-0", "0", "1", "-1", "1.5", "1e3",
        "1E-2", "-12.5e+2", "123456789012345", "1234567890123456789", "12345678901234567890123", "0.1", "1e400", "1e-400",
        "01", "1.", ".5", "-", "+1", "NaN", "Infinity", "true", "false", "null", "nul", "tru", #""plain""#,
        #""esc\"aped\\ \/ \b\f\n\r\t""#, #""\u00e9\u20AC\uD83D\uDE00""#, #""\uD83D""#, #""\uDE00""#, #""\u0000""#,
        #""\x""#, "\"tab\tinside\"", "\"caf\u{E9} \u{2013} \u{1F600}\"", #"{"a":1,"a":2}"#, "[1,2,]", "{,}", #"{"a":1,}"#,
        "[]", "{}", "[[[[[]]]]]", #"{"a" 1}"#, "\u{FEFF}{}", #"{"a":1}x"#, "[1 2]", #"{"k":"v"}\#r"#,
        String(repeating: "[", count: 70) + String(repeating: "]", count: 70), #"{"n":-0.0}"#, #"{"n":2.50}"#,
        #"{"job_id":"seed#1","title":"Backend \"Go\" Engineer","min_salary":"70,000","remote":"true"}"#,
    ]

    @Test("JSON: every sample reads as JSONDecoder reads it, or is left to JSONDecoder", arguments: jsonSamples)
    func jsonSample(_ text: String) {
        if let value = fast(text) { #expect(value == reference(text), "\(text)") }
    }

    @Test("JSON: provider answers read as JSONSerialization reads them", arguments: jsonSamples)
    func providerAnswer(_ text: String) {
        let data = Data(text.utf8)
        let reference = try? JSONValue.parse(data)
        let read = try? ProviderMapping.json(data, from: .ashby)
        #expect(read == reference, "\(text)")
    }

    @Test("JSON: ordinary lines take the fast path")
    func jsonFastPathTaken() {
        #expect(fast(#"{"job_id":"a#1","title":"Caf\u00e9 \"Chef\"","remote":false,"min_salary":70000,"x":null}"#) != nil)
        #expect(fast("{\"description\":\"Line one\\nLine two – ☕\"}") != nil)
    }

    @Test("JSON: random documents read the same both ways")
    func jsonRandom() {
        var random = SplitMix64(seed: 7)
        let pieces = ["a", "é", "\\n", "\\\"", "\\u00e9", "\\ud83d\\ude00", "€", " ", "\\\\", "/", "x y", "\\t", "<p>"]
        func string() -> String { "\"" + (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() + "\"" }
        func value(_ depth: Int) -> String {
            switch random.next() % (depth > 3 ? 5 : 7) {
            case 0: return string()
            case 1: return ["0", "-3", "12.25", "1e5", "9007199254740993", "-0.5", "3.14159"][Int(random.next() % 7)]
            case 2: return ["true", "false"][Int(random.next() % 2)]
            case 3: return "null"
            case 4: return string()
            case 5: return "[" + (0..<Int(random.next() % 4)).map { _ in value(depth + 1) }.joined(separator: ",") + "]"
            default:
                let keys = Set((0..<Int(random.next() % 5)).map { _ in string() })
                return "{" + keys.map { "\($0) : \(value(depth + 1))" }.joined(separator: ", ") + "}"
            }
        }
        var fastTaken = 0
        for _ in 0..<2_000 {
            let text = value(0)
            guard let parsed = fast(text) else { continue }
            fastTaken += 1
            #expect(parsed == reference(text), "\(text)")
        }
        #expect(fastTaken > 1_500)
    }

    // MARK: HTML

    static let htmlSamples = [
        "<p>Hello <b>world</b></p>", "<P CLASS=x>Caps</P>", "a < b > c", "<p>unclosed", "</p>stray", "<br/><hr>x<br />",
        "<a href=\"https://x.example/?a=1&amp;b=2\">link</a>", "<a href='javascript:alert(1)'>x</a>", "<a href=mailto:x@y.z>m</a>",
        "<a href=\"java\tscript:x\">y</a>", "<a hReF=\"HTTP://X\" href=\"https://second\">z</a>", "<a>no href</a>",
        "<script>alert('<p>')</script>after", "<SCRIPT>x</script >y", "<style>p{}</style", "<script/>text", "<scriptx>t</scriptx>",
        "<!-- comment <p> -->text", "<!doctype html><p>x", "<?xml version=1?>t", "<!-->x", "&amp;&lt;&gt;&quot;&#39;&#x41;&#65;",
        "&nbsp;&hellip;&unknown;&amp", "&#xZZ;&#;&;", "fish & chips; \"quoted\" 'single'", "caf\u{E9} \u{2013} na\u{EF}ve \u{1F600}",
        "€100–€200 & more", "&\u{301}", "<\u{338}", ";\u{301}&amp;", "&amp;\u{301}", "\u{600}&x", "x&#769;y", "&lt;&#769;",
        "&#8212;&mdash;", "<p title=\"caf\u{E9}\">x</p>", "<caf\u{E9}>x", "<p\u{A0}x>y", "</script\u{E9}>", "<td>a</td><th>b</th>",
        "<ul><li>one<li>two</ul>", "<div><span><em>deep</div>", "<table><tr><td>x</table>", "<blockquote>q</BLOCKQUOTE>",
        "<h1>T</h1><h7>no</h7>", "<iframe src=x>in</iframe>out", "<svg><p>in</p></svg>out", "<a href=\"x\"", "<p a=\"unterminated>x",
        "\r\n<p>\r\n&amp;\r\n</p>", "&amp\r\n;", "<p>&#128512;</p>", "a&b;c&d", "<p\u{0B}class=x>vt</p>", "<p\u{0C}>ff</p>",
        "<a href = \"https://spaced\" >s</a>", "<a href=https://x.example/\u{E9}>u</a>", "<p>x</p\n>", "<p/>selfclosing",
    ]

    @Test("HTML: every sample sanitizes as the scalar implementation does", arguments: htmlSamples)
    func htmlSample(_ html: String) {
        let sanitizer = HTMLSanitizer()
        #expect(sanitizer.sanitize(html) == sanitizer.sanitizeScalars(html), "\(html)")
        if let fast = ByteSanitizer.sanitize(html) { #expect(fast == sanitizer.sanitizeScalars(html), "\(html)") }
    }

    @Test("HTML: every sample reads as plain text as the scalar implementation reads it", arguments: htmlSamples)
    func plainTextSample(_ html: String) {
        let sanitizer = HTMLSanitizer()
        #expect(sanitizer.plainText(html) == sanitizer.plainTextScalars(html), "\(html)")
        if let fast = ByteSanitizer.plainText(html) { #expect(fast == sanitizer.plainTextScalars(html), "\(html)") }
    }

    @Test("HTML: ordinary descriptions take the fast path")
    func htmlFastPathTaken() {
        #expect(ByteSanitizer.sanitize("<p>Paid €40,000–€50,000 a year.</p><ul><li>Caf\u{E9} & bar</li></ul>") != nil)
        #expect(ByteSanitizer.plainText("<p>Paid €40,000–€50,000 a year.</p><ul><li>Caf\u{E9} &amp; bar</li></ul>")
            == "Paid €40,000–€50,000 a year.\n• Café & bar")
    }

    @Test("HTML: random markup sanitizes and reads as plain text the same both ways")
    func htmlRandom() {
        var random = SplitMix64(seed: 11)
        let pieces = [
            "<p>", "</p>", "<b>", "</b>", "<a href=\"https://x.example/?q=1&amp;r=2\">", "<a href='javascript:x'>", "</a>",
            "<br>", "<br/>", "<hr />", "<script>", "</script>", "<style>", "</STYLE>", "<!--", "-->", "<!x>", "<?y?>",
            "<div class=\"c\">", "</div>", "<li>", "<ul>", "</ul>", "<UNKNOWN>", "</unknown>", "text", " ", "\n", "\r\n",
            "&amp;", "&lt;", "&#233;", "&#x1F600;", "&bogus;", "&", ";", "<", ">", "\"", "'", "é", "–", "€", "\u{301}",
            "\u{338}", "\u{200D}", "\u{600}", "😀", "x", "123", "<p", "=", "/", "<a href=x", "\u{A0}", "\t",
        ]
        let sanitizer = HTMLSanitizer()
        var fastTaken = 0, plainFastTaken = 0
        for _ in 0..<5_000 {
            let html = (0..<Int(random.next() % 24)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = sanitizer.sanitizeScalars(html)
            if let fast = ByteSanitizer.sanitize(html) {
                fastTaken += 1
                #expect(fast == expected, "\(html.debugDescription)")
            }
            #expect(sanitizer.sanitize(html) == expected, "\(html.debugDescription)")
            let expectedText = sanitizer.plainTextScalars(html)
            if let fast = ByteSanitizer.plainText(html) {
                plainFastTaken += 1
                #expect(fast == expectedText, "\(html.debugDescription)")
            }
        }
        #expect(fastTaken > 500)
        #expect(plainFastTaken > 500)
    }

    // MARK: Times and text

    @Test("dates and times read the same as with the ISO 8601 format styles")
    func timestamps() {
        var random = SplitMix64(seed: 3)
        var samples = ["2026-11-10", "2026-11-10T10:00:00Z", "2024-02-29", "2023-02-29", "2026-13-01", "2026-00-10",
                       "2026-04-31", "2026-11-10T24:00:00Z", "2026-11-10T23:59:60Z", "1900-01-01", "2199-12-31T23:59:59Z",
                       "1899-12-31", "2200-01-01", "2026-1-10", "2026-11-10T10:00:00+02:00", "2026-11-10 ", "0001-01-01",
                       "2026-11-10T10:00:00", "abcd-ef-gh", "2026-11-10X10:00:00Z", "2000-02-29T12:30:45Z", "2100-02-29"]
        for _ in 0..<3_000 {
            let year = 1890 + Int(random.next() % 320), month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 31)
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            samples.append(date)
            samples.append(date + String(format: "T%02d:%02d:%02dZ", random.next() % 24, random.next() % 60, random.next() % 60))
        }
        for text in samples {
            #expect(Timestamps.parse(text) == Timestamps.parseWithFormatStyles(text), "\(text)")
        }
        #expect(Timestamps.parseCommon("2026-11-10T10:00:00Z") != nil)
    }

    @Test("collapsing whitespace over bytes agrees with HTMLText.collapseWhitespace, or leaves it to it")
    func collapsingWhitespace() {
        var random = SplitMix64(seed: 5)
        let pieces = [" ", "\t", "\n", "\r\n", "\u{B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200A}", "\u{2028}",
                      "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{301}", "\u{200D}", "\u{600}", "\u{903}", "é", "–", "€",
                      "😀", "a", "bc", "•", "1"]
        var bytesTaken = 0
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            guard let collapsed = ByteSanitizer.collapsingWhitespace(Array(text.utf8)) else { continue }
            bytesTaken += 1
            #expect(String(decoding: collapsed, as: UTF8.self) == HTMLText.collapseWhitespace(text), "\(text.debugDescription)")
        }
        #expect(bytesTaken > 1_000)
    }

    @Test("trimming agrees with trimmingCharacters(in: .whitespacesAndNewlines)")
    func trimming() {
        let samples = ["", " ", "a", " a", "a ", "\ta\n", "\u{A0}a", "a\u{A0}", "a\u{2003}", "\u{85}a", "é", " é ", "a\r\n",
                       "\u{301}a", "a\u{301}", "\u{3000}x\u{3000}", "x y", "\u{1F600}", "\u{B}x\u{C}"]
        for text in samples {
            #expect(FieldReader.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    @Test("employment types: the stored spellings read as the lenient reading reads them")
    func employmentTypes() {
        for type in EmploymentType.allCases { #expect(EmploymentType(lenient: type.rawValue) == type) }
        #expect(EmploymentType(lenient: "FULL-TIME") == .fullTime)
    }
}
