import JobPostings
import Testing

@Suite("HTML sanitizer")
struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    @Test("scripts, styles and their content disappear")
    func scripts() {
        #expect(sanitizer.sanitize("<p>Hi<script>alert(1)</script></p><style>p{}</style>") == "<p>Hi</p>")
        #expect(sanitizer.sanitize("<SCRIPT src=x>evil()</SCRIPT>ok") == "ok")
        #expect(sanitizer.sanitize("<p>a<script>never closed") == "<p>a</p>")
    }

    @Test("event handlers and other attributes are dropped")
    func attributes() {
        #expect(sanitizer.sanitize("<p onclick=\"steal()\" class=x>Text</p>") == "<p>Text</p>")
        #expect(sanitizer.sanitize("<img src=x onerror=alert(1)>") == "")
    }

    @Test("links keep only http(s) and mailto targets")
    func links() {
        #expect(sanitizer.sanitize("<a href=\"javascript:alert(1)\">x</a>") == "<a>x</a>")
        #expect(sanitizer.sanitize("<a href=\"java&#x09;script:alert(1)\">x</a>") == "<a>x</a>")
        #expect(sanitizer.sanitize("<a href=' JaVaScRiPt:alert(1)'>x</a>") == "<a>x</a>")
        #expect(sanitizer.sanitize("<a href=\"data:text/html,x\">x</a>") == "<a>x</a>")
        #expect(sanitizer.sanitize("<a href=\"https://example.com/?a=1&amp;b=2\">x</a>")
            == "<a href=\"https://example.com/?a=1&amp;b=2\" rel=\"nofollow noopener\">x</a>")
    }

    @Test("text is escaped and tags are balanced")
    func escaping() {
        #expect(sanitizer.sanitize("1 < 2 & 3 > 2") == "1 &lt; 2 &amp; 3 &gt; 2")
        #expect(sanitizer.sanitize("<ul><li>One<li>Two</ul>") == "<ul><li>One<li>Two</li></li></ul>")
        #expect(sanitizer.sanitize("<b>bold") == "<b>bold</b>")
        #expect(sanitizer.sanitize("</p>stray") == "stray")
        #expect(sanitizer.sanitize("<!-- comment -->x") == "x")
    }

    @Test("plain text keeps paragraphs and list items as lines")
    func plainText() {
        let text = sanitizer.plainText("<h2>About</h2><p>We build&nbsp;tools.</p><ul><li>Swift</li><li>Go</li></ul><script>x()</script>")
        #expect(text == "About\nWe build tools.\n• Swift\n• Go")
    }
}
