import NIOCore

/// One server reply: a three-digit code and its text, which may span several lines (`250-…` lines
/// followed by a `250 …` line, as EHLO answers).
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    var text: String { lines.joined(separator: " ") }
}

/// Cuts the byte stream into replies. Lines end in CRLF (a bare LF is accepted); a continued reply's
/// lines must all carry the same code.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// Far above RFC 5321's 512 bytes, low enough that a server streaming garbage cannot grow the buffer.
    static let maximumLineLength = 8_192

    private var pending: SMTPReply?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            guard buffer.readableBytes <= Self.maximumLineLength else {
                throw SMTPError.malformedReply("a line longer than \(Self.maximumLineLength) bytes")
            }
            return .needMoreData
        }
        let length = view.distance(from: view.startIndex, to: newline) + 1
        var line = buffer.readString(length: length) ?? ""
        while line.last?.isNewline == true { line.removeLast() }

        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200...599).contains(code),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-") else {
            throw SMTPError.malformedReply(String(line.prefix(200)))
        }
        if let pending, pending.code != code {
            throw SMTPError.malformedReply("a continued \(pending.code) reply went on with \(code)")
        }
        var reply = pending ?? SMTPReply(code: code, lines: [])
        reply.lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if bytes.count > 3, bytes[3] == UInt8(ascii: "-") {
            pending = reply
        } else {
            pending = nil
            context.fireChannelRead(wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
