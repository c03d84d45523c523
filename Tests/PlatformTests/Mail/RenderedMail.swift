import Foundation

/// Reads a rendered message back without the renderer's help, the way a mail program would: unfolds
/// header lines, decodes encoded-words and transfer encodings, and splits multipart bodies.
struct RenderedMail {
    var headers: [(name: String, value: String)] = []
    var body: String

    init(_ text: String) throws {
        guard let split = text.range(of: "\r\n\r\n") else { throw ReadError("no blank line after the headers") }
        body = String(text[split.upperBound...])
        let unfolded = text[..<split.lowerBound].replacing("\r\n ", with: " ").replacing("\r\n\t", with: "\t")
        for line in unfolded.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { throw ReadError("a header line without a colon: \(line)") }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The header with its encoded-words decoded (the space between two encoded-words dropped).
    func decodedHeader(_ name: String) -> String? {
        header(name).map(Self.decodeWords)
    }

    static func decodeWords(_ value: String) -> String {
        let word = /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/
        let joined = value.replacing(/\?= +=\?/, with: "?==?")
        return joined.replacing(word) { match in
            String(decoding: Data(base64Encoded: String(match.1)) ?? Data(), as: UTF8.self)
        }
    }

    /// The parts of a multipart body, in order.
    func parts() throws -> [RenderedMail] {
        guard let type = header("Content-Type"), let match = type.firstMatch(of: /boundary="([^"]+)"/) else {
            throw ReadError("not multipart")
        }
        let boundary = String(match.1)
        guard let end = body.range(of: "--\(boundary)--\r\n") else { throw ReadError("no closing boundary") }
        return try body[..<end.lowerBound].components(separatedBy: "--\(boundary)\r\n").dropFirst().map { try RenderedMail($0) }
    }

    /// The body decoded from its transfer encoding, with `\n` line endings.
    func decodedBody() throws -> String {
        let bytes: [UInt8]
        switch header("Content-Transfer-Encoding") {
        case "base64":
            guard let data = Data(base64Encoded: body.replacing("\r\n", with: "")) else { throw ReadError("bad base64") }
            bytes = Array(data)
        case "quoted-printable":
            bytes = try Self.decodeQuotedPrintable(body.replacing("=\r\n", with: ""))
        default:
            bytes = Array(body.utf8)
        }
        var text = String(decoding: bytes, as: UTF8.self).replacing("\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    static func decodeQuotedPrintable(_ text: String) throws -> [UInt8] {
        var output: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "=") else { output.append(byte); continue }
            guard bytes.count >= 2, let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else {
                throw ReadError("a bad escape in quoted-printable")
            }
            output.append(value)
            bytes = bytes.dropFirst(2)
        }
        return output
    }

    struct ReadError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
