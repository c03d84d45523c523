import Crypto
import Foundation

extension MailMessage {
    /// The message as RFC 5322 text with CRLF line endings, as a `.eml` file holds it and as SMTP's
    /// DATA carries it (before the transport's dot-stuffing). Everything in it is 7-bit ASCII.
    ///
    /// With an HTML body it is `multipart/alternative`, plain text first, so readers that show HTML
    /// pick the last part they understand and the rest fall back to text. The same message and date
    /// always render the same bytes.
    public func rendered(date: Date) -> String {
        var message = MIMEHeaderEncoding.field("Date", Self.rfc5322Date(date))
        message += MIMEHeaderEncoding.field("From", MIMEHeaderEncoding.mailbox(from))
        message += MIMEHeaderEncoding.field("To", to.map(MIMEHeaderEncoding.mailbox).joined(separator: ", "))
        message += MIMEHeaderEncoding.field("Subject", MIMEHeaderEncoding.unstructured(subject))
        message += MIMEHeaderEncoding.field("Message-ID", "<\(id)>")
        for header in headers {
            message += MIMEHeaderEncoding.field(header.name, header.value)
        }
        message += MIMEHeaderEncoding.field("MIME-Version", "1.0")
        guard let html else { return message + Self.part(text, subtype: "plain") }
        let boundary = self.boundary
        message += MIMEHeaderEncoding.field("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
        message += "\r\n"
        message += "--\(boundary)\r\n" + Self.part(text, subtype: "plain")
        message += "--\(boundary)\r\n" + Self.part(html, subtype: "html")
        return message + "--\(boundary)--\r\n"
    }

    /// Starts with `=_`, which neither quoted-printable nor base64 output can contain, so it never
    /// occurs inside a part; the rest comes from the id so rendering stays deterministic.
    var boundary: String {
        let digest = SHA256.hash(data: Data(id.utf8))
        return "=_wf_" + digest.prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// One text part's headers, a blank line and its encoded body.
    private static func part(_ text: String, subtype: String) -> String {
        let encoded = MIMEBodyEncoding.encode(text)
        return MIMEHeaderEncoding.field("Content-Type", "text/\(subtype); charset=utf-8")
            + MIMEHeaderEncoding.field("Content-Transfer-Encoding", encoded.transferEncoding)
            + "\r\n" + encoded.body
    }

    /// `Tue, 01 Dec 2026 01:45:01 +0000`, always in UTC.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
