import Foundation
import NIOCore

/// Cuts the byte stream into whole responses, literals included, however TCP chunks it.
///
/// A line ending in `{n}` announces n bytes of literal that follow its CRLF and belong to the same
/// response; the response ends with the first line after them that announces none. The decoder
/// remembers how far it has looked for a line end and how many literal bytes it still waits for, so a
/// large message arriving in many chunks is scanned once, not once per chunk. Each literal is copied
/// out as soon as it is complete: nothing keeps the network buffer alive after a response is handed on.
struct IMAPResponseDecoder: ByteToMessageDecoder {
    typealias InboundOut = IMAPResponse

    /// The text of one response outside its literals. A SEARCH answer lists every UID on one line
    /// (about 8 bytes a message), so this allows for mailboxes of some two million messages while
    /// still ending a server that streams garbage.
    static let maximumTextLength = 16 * 1024 * 1024
    /// One literal, one message: far above what mail servers accept (usually 25 to 150 MB).
    static let maximumLiteralLength = 512 * 1024 * 1024

    private var lines: [[UInt8]] = []
    private var literals: [Data] = []
    private var textLength = 0
    /// Bytes at the front of the buffer already known to hold no line feed.
    private var scanned = 0
    /// The length of the literal being received, once its announcement has been read.
    private var awaitedLiteral: Int?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if let length = awaitedLiteral {
            guard buffer.readableBytes >= length else { return .needMoreData }
            literals.append(buffer.withUnsafeReadableBytes { Data(bytes: $0.baseAddress!, count: length) })
            buffer.moveReaderIndex(forwardBy: length)
            awaitedLiteral = nil
            return .continue
        }
        let view = buffer.readableBytesView
        guard let newline = view.dropFirst(scanned).firstIndex(of: UInt8(ascii: "\n")) else {
            scanned = buffer.readableBytes
            guard textLength + scanned <= Self.maximumTextLength else {
                throw IMAPError.protocolViolation("a response longer than \(Self.maximumTextLength) bytes without its literals")
            }
            return .needMoreData
        }
        let length = view.distance(from: view.startIndex, to: newline) + 1
        var line = buffer.readBytes(length: length) ?? []
        scanned = 0
        line.removeLast()
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        textLength += line.count
        guard textLength <= Self.maximumTextLength else {
            throw IMAPError.protocolViolation("a response longer than \(Self.maximumTextLength) bytes without its literals")
        }
        lines.append(line)
        if let literal = try Self.announcedLiteral(line) {
            awaitedLiteral = literal
            return .continue
        }
        let response = IMAPResponse(lines: lines, literals: literals)
        lines = []
        literals = []
        textLength = 0
        context.fireChannelRead(wrapInboundOut(response))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// The length in a line's closing `{n}`, or nil when the line does not end in one.
    static func announcedLiteral(_ line: [UInt8]) throws -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        let digits = line[(open + 1)..<(line.count - 1)]
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        guard digits.count <= 10, let length = Int(String(decoding: digits, as: UTF8.self)), length <= maximumLiteralLength else {
            throw IMAPError.protocolViolation("a literal of \(String(decoding: digits.prefix(20), as: UTF8.self)) bytes, more than the \(maximumLiteralLength) this client accepts")
        }
        return length
    }
}
