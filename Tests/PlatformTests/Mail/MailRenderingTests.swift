import Foundation
import Platform
import Testing

@Suite("Rendering mail as RFC 5322")
struct MailRenderingTests {
    static let date = Date(timeIntervalSince1970: 1_795_917_901.5) // 2026-11-29 02:05:01.5 UTC

    static func message(subject: String = "Your saved search has 3 new jobs", text: String = "Hello,\nthree new jobs.\n",
                        html: String? = nil, from: MailAddress = MailAddress("jobs@wayfinder.example", name: "Wayfinder")) -> MailMessage {
        MailMessage(id: "msg-1@wayfinder.example", from: from, to: ["ada@example.com", MailAddress("bob@example.org", name: "Bob")],
                    subject: subject, text: text, html: html,
                    headers: [MailHeader("List-Unsubscribe", "<https://wayfinder.example/unsubscribe/abc>")])
    }

    @Test("a plain message has Date, From, To, Subject, Message-ID, MIME-Version and a UTF-8 text part")
    func plainHeaders() throws {
        let mail = try RenderedMail(Self.message().rendered(date: Self.date))
        #expect(mail.header("Date") == "Sun, 29 Nov 2026 02:05:01 +0000")
        #expect(mail.header("From") == "Wayfinder <jobs@wayfinder.example>")
        #expect(mail.header("To") == "ada@example.com, Bob <bob@example.org>")
        #expect(mail.header("Subject") == "Your saved search has 3 new jobs")
        #expect(mail.header("Message-ID") == "<msg-1@wayfinder.example>")
        #expect(mail.header("MIME-Version") == "1.0")
        #expect(mail.header("List-Unsubscribe") == "<https://wayfinder.example/unsubscribe/abc>")
        #expect(mail.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(mail.header("Content-Transfer-Encoding") == "7bit")
        #expect(try mail.decodedBody() == "Hello,\nthree new jobs.")
    }

    @Test("every line ends in CRLF, stays within 78 characters and is 7-bit ASCII")
    func lineDiscipline() {
        let long = String(repeating: "a long line of text that goes on ", count: 10) + "é\n\r\nend"
        let rendered = Self.message(subject: "Ünïcödé " + String(repeating: "wörds ", count: 20), text: long, html: "<p>\(long)</p>")
            .rendered(date: Self.date)
        #expect(rendered.hasSuffix("\r\n"))
        #expect(rendered.utf8.allSatisfy { $0 < 128 })
        let bytes = Array(rendered.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"), "a bare LF at byte \(index)")
        }
        for line in rendered.components(separatedBy: "\r\n") {
            #expect(line.count <= 78, "too long: \(line)")
        }
    }

    @Test("an HTML body makes the message multipart/alternative with the text part first")
    func multipart() throws {
        let mail = try RenderedMail(Self.message(html: "<p>Hello, <b>three</b> new jobs.</p>").rendered(date: Self.date))
        #expect(mail.header("Content-Type")?.hasPrefix("multipart/alternative; boundary=\"=_") == true)
        let parts = try mail.parts()
        #expect(parts.count == 2)
        #expect(parts.first?.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(parts.last?.header("Content-Type") == "text/html; charset=utf-8")
        #expect(try parts.first?.decodedBody() == "Hello,\nthree new jobs.")
        #expect(try parts.last?.decodedBody() == "<p>Hello, <b>three</b> new jobs.</p>")
    }

    @Test("non-ASCII subjects and display names become encoded-words that decode to the original")
    func encodedWords() throws {
        let subject = "Nouvelles offres à Zürich — 3 postes pour vous, Renée 🎉 " + String(repeating: "très ", count: 12)
        let mail = try RenderedMail(Self.message(subject: subject, from: MailAddress("jobs@wayfinder.example", name: "Équipe Wayfinder"))
            .rendered(date: Self.date))
        #expect(mail.header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
        #expect(mail.decodedHeader("Subject") == subject)
        #expect(mail.decodedHeader("From") == "Équipe Wayfinder <jobs@wayfinder.example>")
    }

    @Test("a long ASCII subject is folded at spaces and unfolds to the original")
    func folding() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let rendered = Self.message(subject: subject).rendered(date: Self.date)
        #expect(rendered.contains("\r\n word"))
        #expect(try RenderedMail(rendered).header("Subject") == subject)
    }

    @Test("display names with specials are quoted; text that looks like an encoded-word is encoded")
    func phrases() throws {
        let from = MailAddress("jobs@wayfinder.example", name: "Wayfinder, \"Jobs\" Team")
        let mail = try RenderedMail(Self.message(subject: "=?not encoded?=", from: from).rendered(date: Self.date))
        #expect(mail.header("From") == #""Wayfinder, \"Jobs\" Team" <jobs@wayfinder.example>"#)
        #expect(mail.header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
        #expect(mail.decodedHeader("Subject") == "=?not encoded?=")
    }

    @Test("quoted-printable escapes '=', keeps trailing spaces and splits long lines, and decodes to the original")
    func quotedPrintable() throws {
        let text = "a = b \nnaïve café\n" + String(repeating: "x", count: 200) + "\n.\n..leading dots stay\n"
        let mail = try RenderedMail(Self.message(text: text).rendered(date: Self.date))
        #expect(mail.body.contains("a =3D b=20\r\n"))
        #expect(mail.body.contains("na=C3=AFve caf=C3=A9"))
        #expect(try mail.decodedBody() + "\n" == text)
    }

    @Test("plain ASCII text is sent as written, so a link with '=' reads and copies exactly from the raw file")
    func plainASCIIAsWritten() throws {
        let link = "https://wayfinder.example/verify?token=" + String(repeating: "Ab9_-", count: 12)
        let mail = try RenderedMail(Self.message(text: "Confirm:\n\(link)\n").rendered(date: Self.date))
        #expect(mail.header("Content-Transfer-Encoding") == "7bit")
        #expect(mail.body.contains(link + "\r\n"))
    }

    @Test("text that is mostly not ASCII is sent as base64")
    func base64() throws {
        let text = "求人が3件あります。\n詳しくはサイトをご覧ください。"
        let mail = try RenderedMail(Self.message(text: text).rendered(date: Self.date))
        #expect(mail.header("Content-Transfer-Encoding") == "base64")
        #expect(try mail.decodedBody() == text)
    }

    @Test("a line break in an extra header's value cannot start a header of its own")
    func headerInjection() throws {
        var message = Self.message()
        message.headers = [MailHeader("X-Campaign", "weekly\r\nBcc: everyone@example.com")]
        let mail = try RenderedMail(message.rendered(date: Self.date))
        #expect(mail.header("Bcc") == nil)
        #expect(mail.header("X-Campaign") == "weekly Bcc: everyone@example.com")
    }

    @Test("the same message and date render the same bytes")
    func deterministic() {
        let message = Self.message(html: "<p>hi</p>")
        #expect(message.rendered(date: Self.date) == message.rendered(date: Self.date))
    }

    @Test("a message without recipients, with a malformed address or with a header the renderer owns is refused")
    func validation() {
        var message = Self.message()
        message.to = []
        #expect(throws: MailMessageError.noRecipients) { try message.validate() }
        message.to = ["ada@example.com\r\nRCPT TO:<x@y>"]
        #expect(throws: MailMessageError.invalidAddress("ada@example.com\r\nRCPT TO:<x@y>")) { try message.validate() }
        message.to = ["ada@example.com"]
        message.headers = [MailHeader("Subject", "again")]
        #expect(throws: MailMessageError.self) { try message.validate() }
        message.headers = []
        #expect(throws: Never.self) { try message.validate() }
    }

    @Test("a message survives its JSON payload unchanged")
    func codable() throws {
        let message = Self.message(html: "<p>hi</p>")
        let decoded = try JSONDecoder().decode(MailMessage.self, from: JSONEncoder().encode(message))
        #expect(decoded == message)
    }
}
