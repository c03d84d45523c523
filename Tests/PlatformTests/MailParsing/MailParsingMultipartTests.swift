import Foundation
import Platform
import Testing

@Suite("Reading received mail: multipart bodies, calendars, attachments and forwarded messages")
struct MailParsingMultipartTests {
    static let invitation = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Acme//ATS//EN
        METHOD:REQUEST
        BEGIN:VEVENT
        UID:interview-42@acme.example
        DTSTART:20260312T190000Z
        DTEND:20260312T200000Z
        SUMMARY:Interview with Acme
        END:VEVENT
        END:VCALENDAR
        """

    @Test("multipart/alternative: the text part is the plain text, the HTML part is the HTML and gives the links")
    func alternative() throws {
        let mail = try MailParsingSupport.parse("""
            From: Acme <jobs@acme.example>
            Subject: Next steps
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt-1"

            This is a multi-part message in MIME format.

            --alt-1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Please pick a slot: https://acme.example/slots/42
            --alt-1
            Content-Type: text/html; charset=utf-8

            <p>Please <a href="https://acme.example/slots/42">pick a slot</a>.</p>
            --alt-1--
            This epilogue is not part of any part.

            """)
        #expect(mail.plainText == "Please pick a slot: https://acme.example/slots/42")
        #expect(mail.html == "<p>Please <a href=\"https://acme.example/slots/42\">pick a slot</a>.</p>")
        #expect(mail.links == [MailLink(text: "pick a slot", url: "https://acme.example/slots/42")])
        #expect(mail.attachments.isEmpty)
    }

    @Test("multipart/mixed with an .ics attachment and a PDF: the calendar text, and both files with their decoded sizes")
    func mixedWithICS() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: Interview
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: text/plain; charset=utf-8

            The invitation is attached.
            --outer
            Content-Type: application/ics; name="invite.ics"
            Content-Disposition: attachment; filename="invite.ics"
            Content-Transfer-Encoding: base64

            \(MailParsingSupport.base64Lines(Data(Self.invitation.replacing("\n", with: "\r\n").utf8)))
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment;
             filename*=utf-8''R%C3%A9sum%C3%A9%20Ada.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQgZmFrZSByZXN1bWU=
            --outer
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*0*=utf-8''Lettre%20de%20;
             filename*1="motivation ";
             filename*2*=%C3%A9crite.txt

            bonjour
            --outer--
            """)
        #expect(mail.plainText == "The invitation is attached.")
        #expect(mail.calendars.count == 1)
        #expect(mail.calendars.first?.contains("METHOD:REQUEST") == true)
        #expect(mail.calendars.first?.contains("UID:interview-42@acme.example") == true)
        #expect(mail.attachments == [
            ReceivedAttachment(filename: "invite.ics", contentType: "application/ics", byteCount: 220),
            ReceivedAttachment(filename: "Résumé Ada.pdf", contentType: "application/pdf", byteCount: 20),
            ReceivedAttachment(filename: "Lettre de motivation écrite.txt", contentType: "application/octet-stream", byteCount: 7),
        ])
        let events = try CalendarParser.events(in: try #require(mail.calendars.first))
        #expect(events.first?.summary == "Interview with Acme")
    }

    @Test("an inline text/calendar part with METHOD:REQUEST (Outlook's invitation layout) is a calendar, not an attachment")
    func inlineCalendar() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: Invitation: Interview with Acme
            Content-Type: multipart/alternative; boundary="_000_invite_"

            --_000_invite_
            Content-Type: text/plain; charset="us-ascii"

            When: Thursday, March 12, 2026 2:00 PM-3:00 PM (UTC-05:00) Eastern Time (US & Canada).
            --_000_invite_
            Content-Type: text/html; charset="us-ascii"

            <html><body><p>When: Thursday, March 12, 2026</p></body></html>
            --_000_invite_
            Content-Type: text/calendar; charset="utf-8"; method=REQUEST
            Content-Transfer-Encoding: 7bit

            \(Self.invitation)
            --_000_invite_--
            """)
        #expect(mail.plainText.hasPrefix("When: Thursday, March 12, 2026 2:00 PM"))
        #expect(mail.calendars == [Self.invitation])
        #expect(mail.attachments.isEmpty)
        let event = try #require(try CalendarParser.events(in: mail.calendars[0]).first)
        #expect(event.method == "REQUEST")
        #expect(event.start.instant == MailParsingSupport.utc("2026-03-12T19:00:00Z"))
    }

    @Test("nested multiparts (mixed, alternative, related), a boundary that begins like another, transport padding and a missing closing delimiter")
    func nested() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: Nested
            Content-Type: multipart/mixed;
            \tboundary="b1"

            preamble, ignored
            --b1
            Content-Type: multipart/alternative; boundary="b1-alt"

            --b1-alt\u{20}\u{20}
            Content-Type: text/plain; charset=utf-8

            Plain version, with a line that starts like a boundary:
            --b1-altogether not a boundary
            --b1-alt
            Content-Type: multipart/related; boundary=b1-rel

            --b1-rel
            Content-Type: text/html; charset=utf-8

            <div>HTML <b>version</b> <img src="cid:logo"></div>
            --b1-rel
            Content-Type: image/png
            Content-ID: <logo>
            Content-Transfer-Encoding: base64

            iVBORwECAwQ=
            --b1-rel--
            --b1-alt--
            --b1
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: attachment

            not the body
            --b1
            Content-Type: text/plain

            A footer added by a mailing list.
            """)
        #expect(mail.plainText == "Plain version, with a line that starts like a boundary:\n--b1-altogether not a boundary\n\nA footer added by a mailing list.")
        #expect(mail.html == "<div>HTML <b>version</b> <img src=\"cid:logo\"></div>")
        #expect(mail.attachments == [
            ReceivedAttachment(filename: nil, contentType: "image/png", byteCount: 8),
            ReceivedAttachment(filename: "notes.txt", contentType: "text/plain", byteCount: 12),
        ])
    }

    @Test("a multipart body whose Content-Type lost its boundary is split at the first delimiter-like line")
    func missingBoundaryParameter() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: Broken
            Content-Type: multipart/alternative

            --==_guess_me
            Content-Type: text/plain

            Found it.
            --==_guess_me--
            """)
        #expect(mail.plainText == "Found it.")
    }

    @Test("an HTML-only multipart message takes its plain text from the HTML")
    func htmlOnlyMultipart() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: HTML only
            Content-Type: multipart/mixed; boundary=x

            --x
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <p>Ch=E8re Ada,</p><p>=C0 bient=F4t&nbsp;!</p>
            --x--
            """)
        #expect(mail.plainText == "Chère Ada,\n\nÀ bientôt !")
        #expect(mail.html == "<p>Chère Ada,</p><p>À bientôt&nbsp;!</p>")
    }

    @Test("a message forwarded as an attachment (message/rfc822) follows the text under a Forwarded message line with its From, Date and Subject")
    func forwardedAsAttachment() throws {
        let mail = try MailParsingSupport.parse("""
            From: Ada <ada@example.org>
            To: me@wayfinder.example
            Subject: Fwd: Interview invitation
            Content-Type: multipart/mixed; boundary="fwd"

            --fwd
            Content-Type: text/plain; charset=utf-8

            See below, can you add it?
            --fwd
            Content-Type: message/rfc822
            Content-Disposition: attachment; filename="Interview invitation.eml"

            From: =?utf-8?q?Dana_R=C3=A9cruteur?= <dana@acme.example>
            To: ada@example.org
            Date: Tue, 3 Mar 2026 09:15:02 -0800
            Subject: Interview invitation
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/html; charset=utf-8

            <p>Hi Ada,</p><p><a href="https://zoom.us/j/123">Join Zoom meeting</a></p>
            --inner
            Content-Type: text/calendar; method=REQUEST

            \(Self.invitation)
            --inner--
            --fwd--
            """)
        #expect(mail.plainText == """
            See below, can you add it?

            ---------- Forwarded message ---------
            From: Dana Récruteur <dana@acme.example>
            Date: Tue, 3 Mar 2026 09:15:02 -0800
            Subject: Interview invitation
            To: ada@example.org

            Hi Ada,

            Join Zoom meeting
            """)
        #expect(mail.links == [MailLink(text: "Join Zoom meeting", url: "https://zoom.us/j/123")])
        #expect(mail.calendars == [Self.invitation])
        #expect(mail.attachments.map(\.filename) == ["Interview invitation.eml"])
        #expect(mail.attachments.first?.contentType == "message/rfc822")
        #expect(mail.subject == "Fwd: Interview invitation")
        #expect(mail.from == MailAddress("ada@example.org", name: "Ada"))
    }

    @Test("a message forwarded inline keeps the Forwarded message block as the sender wrote it")
    func forwardedInline() throws {
        let mail = try MailParsingSupport.parse("""
            From: Ada <ada@example.org>
            Subject: Fwd: Interview invitation
            Content-Type: text/plain; charset=utf-8

            FYI

            ---------- Forwarded message ---------
            From: Dana <dana@acme.example>
            Date: Tue, 3 Mar 2026 at 18:15
            Subject: Interview invitation
            To: <ada@example.org>

            Hi Ada, are you free on Thursday at 2 pm?
            """)
        #expect(mail.plainText.contains("---------- Forwarded message ---------\nFrom: Dana <dana@acme.example>\nDate: Tue, 3 Mar 2026 at 18:15"))
        #expect(mail.plainText.hasSuffix("Hi Ada, are you free on Thursday at 2 pm?"))
    }

    @Test("a hostile message nested a thousand parts deep is read without exhausting the stack")
    func deepNesting() throws {
        var text = "Subject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...1000 {
            text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        text += "--b1000\nContent-Type: text/plain\n\ntoo deep\n"
        let mail = try MailParsingSupport.parse(text)
        #expect(mail.subject == "deep")
    }
}
