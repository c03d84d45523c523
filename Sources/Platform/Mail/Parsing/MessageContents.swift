import Domain

/// Walks a message's MIME tree and sorts its leaves: the text a person wrote (plain and HTML),
/// calendar invitations, files, and messages forwarded as attachments.
///
/// A text part is the message's text unless it is marked as an attachment or carries a file name
/// without being marked inline; every text/plain and text/html part of that kind is kept, because
/// mailing lists and mail programs split one message's text over several parts. A text/calendar part,
/// an application/ics one and any `.ics` file are calendars (with folded lines joined, since a fold may
/// split a UTF-8 character); an `.ics` file is an attachment too.
struct MessageContents {
    let bytes: [UInt8]
    var plainParts: [String] = []
    var htmlParts: [String] = []
    var calendars: [String] = []
    var attachments: [ReceivedAttachment] = []
    var forwarded: [ReceivedMail] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func collect(_ entity: MIMEEntity, defaultType: String, depth: Int) {
        let contentType = ParameterizedValue(entity.field("content-type") ?? defaultType)
        var type = contentType.value
        if !type.contains("/") { type = defaultType }
        let disposition = ParameterizedValue(entity.field("content-disposition") ?? "")
        let filename = (disposition.parameters["filename"] ?? contentType.parameters["name"])
            .map { EncodedWords.decode($0).trimmingWhitespace() }
            .flatMap { $0.isEmpty ? nil : $0 }

        if type.hasPrefix("multipart/") {
            let boundary = contentType.parameters["boundary"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
                ?? MultipartBody.guessedBoundary(bytes, in: entity.body)
            if let boundary, depth < MailParser.depthLimit {
                let childType = type == "multipart/digest" ? "message/rfc822" : "text/plain"
                let parts = MultipartBody.parts(bytes, in: entity.body, boundary: boundary)
                if !parts.isEmpty {
                    for part in parts { collect(MIMEEntity(bytes, in: part), defaultType: childType, depth: depth + 1) }
                    return
                }
            }
            type = "text/plain"
        }

        let transferEncoding = entity.field("content-transfer-encoding")?.trimmingWhitespace() ?? ""
        let decoded = TransferDecoding.decode(bytes[entity.body], encoding: transferEncoding)
        let isAttachment = disposition.value == "attachment" || (filename != nil && disposition.value != "inline")

        if type == "message/rfc822" || type == "message/global" {
            attachments.append(ReceivedAttachment(filename: filename, contentType: type, byteCount: decoded.count))
            if depth < MailParser.depthLimit {
                let inner = MIMEEntity(decoded, in: 0..<decoded.count)
                if !inner.fields.isEmpty {
                    let message = MailParser.read(decoded, inner, depth: depth + 1)
                    forwarded.append(message)
                    attachments += message.attachments
                }
            }
            return
        }
        if type == "text/calendar" || type == "application/ics" || filename?.lowercased().hasSuffix(".ics") == true {
            calendars.append(Self.text(ContentLine.unfolded(decoded), charset: contentType.parameters["charset"]))
            if isAttachment { attachments.append(ReceivedAttachment(filename: filename, contentType: type, byteCount: decoded.count)) }
            return
        }
        if !isAttachment, type == "text/plain" {
            let text = Self.text(decoded, charset: contentType.parameters["charset"])
            if contentType.parameters["format"]?.lowercased() == "flowed" {
                plainParts.append(FlowedText.unflowed(text, deletingSpace: contentType.parameters["delsp"]?.lowercased() == "yes"))
            } else {
                plainParts.append(text)
            }
        } else if !isAttachment, type == "text/html" {
            htmlParts.append(Self.text(decoded, charset: contentType.parameters["charset"]))
        } else {
            attachments.append(ReceivedAttachment(filename: filename, contentType: type, byteCount: decoded.count))
        }
    }

    /// Body text in its charset with `\n` line endings and no trailing blank lines or spaces.
    static func text(_ bytes: [UInt8], charset: String?) -> String {
        let name = MailCharset.normalized(charset)
        if name.hasPrefix("utf-16") || name.hasPrefix("utf-32") {
            return MailCharset.decode(bytes, charset: name).replacing("\r\n", with: "\n").trimmingTrailingWhitespace()
        }
        var unixLines: [UInt8]
        if bytes.contains(UInt8(ascii: "\r")) {
            unixLines = []
            unixLines.reserveCapacity(bytes.count)
            var start = 0
            while let carriageReturn = bytes[start...].firstIndex(of: UInt8(ascii: "\r")) {
                unixLines += bytes[start..<carriageReturn]
                // A CR stays unless an LF follows it.
                if carriageReturn + 1 == bytes.count || bytes[carriageReturn + 1] != UInt8(ascii: "\n") {
                    unixLines.append(UInt8(ascii: "\r"))
                }
                start = carriageReturn + 1
            }
            unixLines += bytes[start...]
        } else {
            unixLines = bytes
        }
        while let last = unixLines.last, last.isMailWhitespace { unixLines.removeLast() }
        return MailCharset.decode(unixLines, charset: name)
    }
}

private extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
