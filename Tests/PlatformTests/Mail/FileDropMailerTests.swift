import Domain
import Foundation
import Platform
import TestPeers
import Testing

@Suite("Dropping mail into a directory")
struct FileDropMailerTests {
    static func temporaryDirectory() -> URL {
        Scratch.root.appendingPathComponent("wayfinder-mail-\(UUID().uuidString)/mail")
    }

    static func emlFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted()
    }

    @Test("sending creates the directory and writes one .eml file that reads back as the message")
    func dropsAFile() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let clock = FixedWallClock(MailRenderingTests.date)
        let message = MailRenderingTests.message(html: "<p>hi</p>")
        try await FileDropMailer(directory: directory, clock: clock).send(message)

        let files = try Self.emlFiles(in: directory)
        #expect(files.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 1, "no partial file is left behind")
        let name = try #require(files.first)
        #expect(name.wholeMatch(of: /\d{8}-\d{6}-\d{3}-[0-9a-f]{8}\.eml/) != nil, "\(name)")
        #expect(name.hasPrefix("20261129-020501-500-"), "UTC, to the millisecond")
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        #expect(text == message.rendered(date: clock.instant))
        let mail = try RenderedMail(text)
        #expect(mail.header("Message-ID") == "<\(message.id)>")
        #expect(try mail.parts().count == 2)
    }

    @Test("file names sort by the time of sending and never collide")
    func sortableAndUnique() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let clock = AdjustableWallClock(Date(timeIntervalSince1970: 1_795_917_901))
        let mailer = FileDropMailer(directory: directory, clock: clock)
        var subjects: [String] = []
        for index in 0..<5 {
            let subject = "message \(index)"
            subjects.append(subject)
            try await mailer.send(MailRenderingTests.message(subject: subject))
            try await mailer.send(MailRenderingTests.message(subject: subject)) // the same instant again
            clock.advance(by: 0.5)
        }
        let files = try Self.emlFiles(in: directory)
        #expect(files.count == 10)
        let inOrder = try files.map { try RenderedMail(String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)).header("Subject") ?? "" }
        #expect(inOrder == subjects.flatMap { [$0, $0] })
    }

    @Test("a message that cannot be sent writes no file")
    func invalidMessage() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        var message = MailRenderingTests.message()
        message.to = []
        await #expect(throws: MailMessageError.noRecipients) { try await FileDropMailer(directory: directory).send(message) }
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
