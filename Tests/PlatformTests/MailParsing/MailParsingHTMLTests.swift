import Foundation
import Platform
import Testing

@Suite("Reading received mail: text and links from HTML bodies")
struct MailParsingHTMLTests {
    static func htmlMail(_ html: String) throws -> ReceivedMail {
        try MailParsingSupport.parse("Subject: HTML\nContent-Type: text/html; charset=utf-8\n\n" + html)
    }

    @Test("an HTML-only invitation: readable text with entities decoded, and the Join button's text and URL")
    func invitation() throws {
        let mail = try Self.htmlMail("""
            <!DOCTYPE html>
            <html><head><title>Invitation</title><meta charset="utf-8">
            <style>.btn { color: white; } p { margin: 0 }</style></head>
            <body>
            <div style="display:none;max-height:0">Preheader text &zwnj;&nbsp;&zwnj;&nbsp;&zwnj;</div>
            <!-- tracking comment -->
            <!--[if mso]><p>Outlook only</p><![endif]-->
            <table role="presentation"><tr><td>
              <h1>Interview&nbsp;scheduled</h1>
              <p>Hello&nbsp;Ada, we&rsquo;re looking forward to meeting you &ndash; caf&eacute; &amp; croissants included.</p>
              <p>When: <b>Thursday,
                 March 12</b> at 2:00&#160;PM (&#x2248; 1 hour)</p>
              <p><a class="btn" href="https://zoom.us/j/123456789?pwd=abc&amp;uname=Ada"
                    style="background:#0b5cff">  Join
                 Zoom&nbsp;meeting </a></p>
              <p>Or <a href='https://acme.example/reschedule'>reschedule</a>.</p>
            </td></tr></table>
            <script>document.write("no")</script>
            </body></html>
            """)
        #expect(mail.plainText == """
            Interview scheduled

            Hello Ada, we’re looking forward to meeting you – café & croissants included.

            When: Thursday, March 12 at 2:00 PM (≈ 1 hour)

            Join Zoom meeting

            Or reschedule.
            """)
        #expect(mail.links == [
            MailLink(text: "Join Zoom meeting", url: "https://zoom.us/j/123456789?pwd=abc&uname=Ada"),
            MailLink(text: "reschedule", url: "https://acme.example/reschedule"),
        ])
    }

    @Test("line breaks, list items on their own lines, table cells separated by tabs, at most one blank line in a row")
    func structure() throws {
        let mail = try Self.htmlMail("""
            <div>First line<br>Second line<br/><br><br><br>After breaks</div>
            <p></p><p></p><p></p>
            <ul><li>Swift</li><li>PostgreSQL <i>and</i> SQLite</li></ul>
            <ol><li>Apply</li><li>Interview</li></ol>
            <table><tr><th>Role</th><th>Salary</th></tr><tr><td>Engineer</td><td>€90k</td></tr></table>
            <pre>  keep   this
              spacing</pre>
            <p>End</p>
            """)
        #expect(mail.plainText == """
            First line
            Second line

            After breaks

            - Swift
            - PostgreSQL and SQLite
            1. Apply
            2. Interview
            Role\tSalary
            Engineer\t€90k

              keep   this
              spacing

            End
            """)
    }

    @Test("links: an image-only button takes its alt text, mailto links count, anchors without href do not, and entities in URLs are decoded")
    func links() throws {
        let mail = try Self.htmlMail("""
            <a name="top"></a>
            <a href="https://acme.example/schedule"><img src="button.png" alt="Schedule your interview"></a>
            <a HREF="mailto:dana@acme.example">Dana&nbsp;R.</a>
            <a href=https://acme.example/unquoted?a=1&amp;b=2>Unquoted</a>
            <a href="https://acme.example/nested"><span>Nested</span> <strong>text</strong></a>
            """)
        #expect(mail.links == [
            MailLink(text: "Schedule your interview", url: "https://acme.example/schedule"),
            MailLink(text: "Dana R.", url: "mailto:dana@acme.example"),
            MailLink(text: "Unquoted", url: "https://acme.example/unquoted?a=1&b=2"),
            MailLink(text: "Nested text", url: "https://acme.example/nested"),
        ])
        #expect(mail.plainText == "Dana R. Unquoted Nested text")
    }

    @Test("named and numeric references: Latin letters, typographic quotes, Windows-1252 numbers, unknown names kept, & in text kept")
    func entities() throws {
        let mail = try Self.htmlMail("<p>&Eacute;t&eacute; &laquo;&nbsp;ok&nbsp;&raquo; &#8220;quoted&#8221; &#x2019; &#150; &bogus; AT&T a&b &lt;tag&gt; &copy 2026</p>")
        #expect(mail.plainText == "Été « ok » “quoted” ’ – &bogus; AT&T a&b <tag> © 2026")
    }

    @Test("text from a sloppy document: unclosed tags, a stray <, upper-case tags, CDATA-like junk")
    func sloppy() throws {
        let mail = try Self.htmlMail("<HTML><BODY><P>1 < 2 and 3 > 2<P>Next <B>bold<DIV>Block</BODY>")
        #expect(mail.plainText == "1 < 2 and 3 > 2\n\nNext bold\nBlock")
    }

    @Test("a hidden tracking pixel or rule hides only itself; a hidden element never closed hides nothing; an empty comment <!--> ends at once")
    func hiddenEdges() throws {
        let mail = try Self.htmlMail("""
            <p>Before<img src="https://t.example/p.gif" style="display: none" width="1"></p>
            <hr style="display:none"><!--><p>After</p>
            <div style="DISPLAY:NONE">Never closed<p>Still shown</p>
            """)
        #expect(mail.plainText == "Before\n\nAfter\n\nNever closed\n\nStill shown")
    }
}
