import Foundation

/// A message as it arrived, read into what the app acts on: who wrote it, when, what it says, the
/// links and calendar invitations in it, and which files came with it.
///
/// Everything is decoded (encoded-words, transfer encodings, charsets), so callers never see MIME.
/// Text uses `\n` line endings.
public struct ReceivedMail: Sendable {
    /// The Subject with encoded-words decoded and folding undone; empty when there is none.
    public var subject: String
    public var from: MailAddress?
    public var replyTo: MailAddress?
    public var to: [MailAddress]
    /// The moment the Date header names, read leniently (see `MailDate`).
    public var date: Date?
    /// The offset the Date header wrote, e.g. -18000 for `-0500`; nil when it wrote none.
    public var dateUTCOffsetSeconds: Int?
    /// The Message-ID without angle brackets, as `MailMessage.id` holds it.
    public var messageID: String?
    /// Every top-level header field in order, unfolded, encoded-words decoded.
    public var headers: [MailHeaderField]
    /// The text/plain body when there is one, otherwise text made from the HTML body; messages
    /// forwarded as attachments follow, each under a `---------- Forwarded message ---------` line.
    public var plainText: String
    /// The text/html body, decoded to a String.
    public var html: String?
    /// Every `<a href>` of the HTML body in order, then those of forwarded messages.
    public var links: [MailLink]
    /// Every text/calendar part and .ics attachment (also those of forwarded messages), as text.
    public var calendars: [String]
    /// The parts that are files rather than the message's text.
    public var attachments: [ReceivedAttachment]

    public init(subject: String = "", from: MailAddress? = nil, replyTo: MailAddress? = nil, to: [MailAddress] = [],
                date: Date? = nil, dateUTCOffsetSeconds: Int? = nil, messageID: String? = nil,
                headers: [MailHeaderField] = [], plainText: String = "", html: String? = nil, links: [MailLink] = [],
                calendars: [String] = [], attachments: [ReceivedAttachment] = []) {
        self.subject = subject
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.date = date
        self.dateUTCOffsetSeconds = dateUTCOffsetSeconds
        self.messageID = messageID
        self.headers = headers
        self.plainText = plainText
        self.html = html
        self.links = links
        self.calendars = calendars
        self.attachments = attachments
    }

    /// The first header field of that name (compared without regard to case), decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One header field of a received message, unfolded and decoded.
public struct MailHeaderField: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A link of an HTML body: the text a reader sees (a button's label) and where it goes.
public struct MailLink: Sendable, Equatable {
    public var text: String
    public var url: String

    public init(text: String, url: String) {
        self.text = text
        self.url = url
    }
}

/// A file that came with a message, described without its bytes.
public struct ReceivedAttachment: Sendable, Equatable {
    public var filename: String?
    /// Lowercased `type/subtype`, without parameters.
    public var contentType: String
    /// The size after transfer decoding, which is the file's size.
    public var byteCount: Int

    public init(filename: String?, contentType: String, byteCount: Int) {
        self.filename = filename
        self.contentType = contentType
        self.byteCount = byteCount
    }
}

/// Why some bytes could not be read as a message at all.
public enum MailParseError: Error, Equatable, CustomStringConvertible {
    /// No bytes, or only whitespace.
    case empty
    /// The bytes do not start with header fields, or hold binary data where headers should be.
    case notAMessage(String)

    public var description: String {
        switch self {
        case .empty: "the message is empty"
        case .notAMessage(let reason): "not a mail message: \(reason)"
        }
    }
}
