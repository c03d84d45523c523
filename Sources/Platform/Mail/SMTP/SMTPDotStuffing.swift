/// Turns a rendered message into SMTP's DATA block (RFC 5321 §4.5.2): CRLF line endings, a second dot
/// before every line that starts with one (so no line of the message can end the transfer early),
/// a final CRLF, and the `.` line that does end it.
enum SMTPDotStuffing {
    static func dataBlock(_ message: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.utf8.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message.utf8 {
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") { output.append(UInt8(ascii: "\r")) }
            if atLineStart, byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
            previous = byte
        }
        if !output.isEmpty, !output.suffix(2).elementsEqual([13, 10]) { output += [13, 10] }
        return output + Array(".\r\n".utf8)
    }
}
