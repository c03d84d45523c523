import Foundation

/// Small but valid PDF files written byte by byte: text in the standard Helvetica font (so no font
/// file is embedded), pages with only an image (what a scan is), empty pages, and the /Encrypt
/// dictionary of a password-protected file. The cross-reference offsets are computed, not guessed.
enum HandmadePDF {
    struct Text {
        var x: Int
        var y: Int
        var size: Int
        var string: String
    }

    enum Page {
        case text([Text])
        case image
        case empty
    }

    /// A resume over two pages, laid out as word processors do: a right-aligned date on the same
    /// line as the job title, bullets indented under it.
    static let resume: [Page] = [
        .text([
            Text(x: 72, y: 720, size: 18, string: "Jane Q. Doe"),
            Text(x: 72, y: 700, size: 10, string: "jane@example.com | +1 555 0100 | Lisbon, Portugal"),
            Text(x: 72, y: 670, size: 12, string: "Experience"),
            Text(x: 72, y: 652, size: 10, string: "Senior Software Engineer, Acme Corp"),
            Text(x: 470, y: 652, size: 10, string: "2019 – 2024"),
            Text(x: 84, y: 638, size: 10, string: "• Led the migration of the billing service to Swift on Linux."),
            Text(x: 84, y: 624, size: 10, string: "• Cut p99 latency by 40% (from 250 ms to 150 ms)."),
            Text(x: 72, y: 596, size: 12, string: "Skills"),
            Text(x: 72, y: 580, size: 10, string: "Swift, PostgreSQL, Kubernetes, résumé parsing"),
        ]),
        .text([
            Text(x: 72, y: 720, size: 12, string: "Education"),
            Text(x: 72, y: 704, size: 10, string: "BSc Computer Science, University of Porto"),
            Text(x: 470, y: 704, size: 10, string: "2015"),
        ]),
    ]

    static func document(_ pages: [Page], passwordProtected: Bool = false) -> Data {
        // 1 catalog, 2 page tree, 3 font, 4 image, then a page and its contents per page, then /Encrypt.
        var objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [\(pages.indices.map { "\(5 + 2 * $0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            stream(dictionary: "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", Data([0x00, 0xFF, 0xFF, 0x00])),
        ]
        for (index, page) in pages.enumerated() {
            objects.append(Data("""
                << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
                /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents \(6 + 2 * index) 0 R >>
                """.utf8))
            objects.append(stream(dictionary: "", contents(of: page)))
        }
        var trailer = "/Size \(objects.count + 1) /Root 1 0 R"
        if passwordProtected {
            // A user password is set: the /U value does not match the empty password, so no reader opens it without one.
            objects.append(Data("<< /Filter /Standard /V 1 /R 2 /O <\(String(repeating: "11", count: 32))> /U <\(String(repeating: "22", count: 32))> /P -4 >>".utf8))
            trailer = "/Size \(objects.count + 1) /Root 1 0 R /Encrypt \(objects.count) 0 R /ID [<\(String(repeating: "ab", count: 16))> <\(String(repeating: "ab", count: 16))>]"
        }

        var file = Data("%PDF-1.4\n%".utf8) + Data([0xE2, 0xE3, 0xCF, 0xD3]) + Data("\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(file.count)
            file += Data("\(index + 1) 0 obj\n".utf8) + object + Data("\nendobj\n".utf8)
        }
        let crossReference = file.count
        file += Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            file += Data((String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n").utf8)
        }
        file += Data("trailer\n<< \(trailer) >>\nstartxref\n\(crossReference)\n%%EOF\n".utf8)
        return file
    }

    private static func contents(of page: Page) -> Data {
        switch page {
        case .empty:
            return Data()
        case .image:
            return Data("q 200 0 0 200 100 400 cm /Im1 Do Q\n".utf8)
        case .text(let texts):
            var data = Data()
            for text in texts {
                let escaped = text.string.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
                data += Data("BT /F1 \(text.size) Tf \(text.x) \(text.y) Td (".utf8) + winAnsi(escaped) + Data(") Tj ET\n".utf8)
            }
            return data
        }
    }

    /// Helvetica's WinAnsiEncoding is Windows-1252.
    private static func winAnsi(_ string: String) -> Data {
        let special: [Character: UInt8] = ["–": 0x96, "•": 0x95, "é": 0xE9]
        return Data(string.map { special[$0] ?? $0.asciiValue ?? UInt8(ascii: "?") })
    }

    private static func stream(dictionary: String, _ contents: Data) -> Data {
        Data("<< \(dictionary) /Length \(contents.count) >>\nstream\n".utf8) + contents + Data("\nendstream".utf8)
    }
}
