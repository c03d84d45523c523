import Foundation
import Platform
import Testing

@Suite("Reading received mail: header fields, addresses and dates")
struct MailParsingHeaderTests {
    static let plain = """
        Return-Path: <recruiter@acme.example>
        Received: from mx.acme.example by mail.example.org; Tue, 3 Mar 2026 09:15:03 -0800
        From: Dana Recruiter <recruiter@acme.example>
        Reply-To: "Acme Talent" <talent@acme.example>
        To: Ada Lovelace <ada@example.org>, bob@example.org
        Subject: Your application to Acme
        Date: Tue, 3 Mar 2026 09:15:02 -0800
        Message-ID: <a1b2c3@acme.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=us-ascii

        Hi Ada,

        Thanks for applying. Could we talk on Thursday?

        Dana

        """

    @Test("a plain ASCII message: sender, reply address, recipients, subject, date, id, headers in order and the text")
    func plainMessage() throws {
        let mail = try MailParsingSupport.parse(Self.plain)
        #expect(mail.subject == "Your application to Acme")
        #expect(mail.from == MailAddress("recruiter@acme.example", name: "Dana Recruiter"))
        #expect(mail.replyTo == MailAddress("talent@acme.example", name: "Acme Talent"))
        #expect(mail.to == [MailAddress("ada@example.org", name: "Ada Lovelace"), MailAddress("bob@example.org")])
        #expect(mail.date == MailParsingSupport.utc("2026-03-03T17:15:02Z"))
        #expect(mail.dateUTCOffsetSeconds == -8 * 3600)
        #expect(mail.messageID == "a1b2c3@acme.example")
        #expect(mail.headers.map(\.name) == ["Return-Path", "Received", "From", "Reply-To", "To", "Subject", "Date",
                                             "Message-ID", "MIME-Version", "Content-Type"])
        #expect(mail.header("content-type") == "text/plain; charset=us-ascii")
        #expect(mail.header("X-Missing") == nil)
        #expect(mail.plainText == "Hi Ada,\n\nThanks for applying. Could we talk on Thursday?\n\nDana")
        #expect(mail.html == nil)
        #expect(mail.links.isEmpty && mail.calendars.isEmpty && mail.attachments.isEmpty)
    }

    @Test("LF and CRLF line endings read the same")
    func lineEndings() throws {
        let crlf = try MailParsingSupport.parse(Self.plain, lineEnding: "\r\n")
        let lf = try MailParsingSupport.parse(Self.plain, lineEnding: "\n")
        #expect(crlf.plainText == lf.plainText)
        #expect(crlf.headers == lf.headers)
        #expect(!crlf.plainText.contains("\r"))
    }

    @Test("folded header lines are joined, keeping the space where the line was folded")
    func foldedHeaders() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: Interview invitation for the position of
             Senior Swift Engineer
            \tin Lisbon
            To: Ada <ada@example.org>,
              "Lovelace, Byron" <byron@example.org>
            From: jobs@acme.example

            Body
            """)
        #expect(mail.subject == "Interview invitation for the position of Senior Swift Engineer in Lisbon")
        #expect(mail.to == [MailAddress("ada@example.org", name: "Ada"), MailAddress("byron@example.org", name: "Lovelace, Byron")])
        #expect(mail.plainText == "Body")
    }

    @Test("encoded-word subjects: UTF-8 in B, ISO-8859-1 in Q with underscores, adjacent words joined without the space between them",
          arguments: [
              ("=?UTF-8?B?RW50cmV0aWVuIHByb2dyYW1tw6kg4pyU?=", "Entretien programmé ✔"),
              ("=?ISO-8859-1?Q?Caf=E9_au_lait_=E0_10h?=", "Café au lait à 10h"),
              ("=?iso-8859-1?q?Gr=FC=DFe?= =?iso-8859-1?q?_aus_K=F6ln?=", "Grüße aus Köln"),
              ("=?utf-8?q?Sch=C3=B6ne?=\r\n =?utf-8?q?_Gr=C3=BC=C3=9Fe?=", "Schöne Grüße"),
              ("Re: =?UTF-8?B?w6lsw6h2ZQ==?= and more", "Re: élève and more"),
              ("=?UTF-8?B?8J+O?= =?UTF-8?B?iSBPZmZlcg==?=", "🎉 Offer"),
              ("=?windows-1252?Q?=93Quoted=94_=96_=80100?=", "“Quoted” – €100"),
              ("=?ISO-8859-15?Q?Prix_=A4?=", "Prix €"),
              ("=?iso-8859-2?Q?=A3=F3d=BC?=", "Łódź"),
              ("=?utf-8*en?Q?Hello?= =?us-ascii?Q?_World?=", "Hello World"),
              ("Plain =?bogus =?= text", "Plain =?bogus =?= text"),
          ])
    func encodedWordSubjects(encoded: String, decoded: String) throws {
        let mail = try MailParsingSupport.parse("Subject: \(encoded)\nFrom: a@example.org\n\nx\n")
        #expect(mail.subject == decoded)
        #expect(mail.header("Subject") == decoded)
    }

    @Test("display names: encoded-words, quoted names with commas and escapes, comments, groups and bare addresses")
    func addresses() throws {
        let mail = try MailParsingSupport.parse("""
            From: =?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <jose@example.es>
            Reply-To: noreply@example.com (Talent Team)
            To: "Doe, Jane \\"JD\\"" <jane@example.com>, Team: a@example.com, <b@example.com>;, undisclosed-recipients:;
            Subject: x

            x
            """)
        #expect(mail.from == MailAddress("jose@example.es", name: "José García"))
        #expect(mail.replyTo == MailAddress("noreply@example.com", name: "Talent Team"))
        #expect(mail.to == [MailAddress("jane@example.com", name: "Doe, Jane \"JD\""), MailAddress("a@example.com"),
                            MailAddress("b@example.com")])
    }

    @Test("a message without From, To, Date or Subject still reads, with those empty")
    func missingHeaders() throws {
        let mail = try MailParsingSupport.parse("X-Note: only this\n\nHello\n")
        #expect(mail.subject == "")
        #expect(mail.from == nil && mail.replyTo == nil && mail.to.isEmpty && mail.date == nil && mail.messageID == nil)
        #expect(mail.plainText == "Hello")
    }

    @Test("Date header forms: RFC 5322, obsolete zone names, no weekday, no seconds, two-digit years, comments, ISO 8601",
          arguments: [
              ("Tue, 3 Mar 2026 09:15:02 -0800", "2026-03-03T17:15:02Z", -28800),
              ("3 Mar 2026 09:15 EST", "2026-03-03T14:15:00Z", -18000),
              ("Tue, 03 Mar 2026 09:15:02 PDT", "2026-03-03T16:15:02Z", -25200),
              ("Tue, 3 Mar 2026 17:15:02 GMT", "2026-03-03T17:15:02Z", 0),
              ("Tue, 3 Mar 2026 17:15:02 UT", "2026-03-03T17:15:02Z", 0),
              ("3 Mar 2026 18:15:02 +0100", "2026-03-03T17:15:02Z", 3600),
              ("Tue, 3 Mar 26 18:15:02 +0100", "2026-03-03T17:15:02Z", 3600),
              ("Wed, 3 Mar 99 12:00:00 +0000", "1999-03-03T12:00:00Z", 0),
              ("Tue,  3 Mar 2026 22:45:02 +0530 (IST)", "2026-03-03T17:15:02Z", 19800),
              ("Tue, 3 Mar 2026 09:15:02 -0800 (PST)", "2026-03-03T17:15:02Z", -28800),
              ("Tue Mar  3 17:15:02 2026", "2026-03-03T17:15:02Z", nil),
              ("2026-03-03T18:15:02+01:00", "2026-03-03T17:15:02Z", 3600),
              ("03-Mar-2026 12:15:02 -0500", "2026-03-03T17:15:02Z", -18000),
          ] as [(String, String, Int?)])
    func dates(header: String, instant: String, offset: Int?) throws {
        let mail = try MailParsingSupport.parse("Date: \(header)\nSubject: x\n\nx\n")
        #expect(mail.date == MailParsingSupport.utc(instant))
        #expect(mail.dateUTCOffsetSeconds == offset)
    }

    @Test("a Date header that names no date gives no date rather than a wrong one", arguments: ["", "soon", "Tue, 31 Feb 2026 10:00:00 +0000", "Mar 2026"])
    func unreadableDates(header: String) throws {
        let mail = try MailParsingSupport.parse("Date: \(header)\nSubject: x\n\nx\n")
        #expect(mail.date == nil)
        #expect(mail.dateUTCOffsetSeconds == nil)
    }

    @Test("header bytes that are not UTF-8 read as Windows-1252; raw UTF-8 in headers reads as UTF-8")
    func rawEightBitHeaders() throws {
        let latin = try MailParser.parse(MailParsingSupport.withBytes("Subject: Caf{E9} cr{E8}me\nFrom: a@example.org\n\nx\n"))
        #expect(latin.subject == "Café crème")
        let utf8 = try MailParsingSupport.parse("Subject: Café crème ✔\nFrom: a@example.org\n\nx\n")
        #expect(utf8.subject == "Café crème ✔")
    }
}
