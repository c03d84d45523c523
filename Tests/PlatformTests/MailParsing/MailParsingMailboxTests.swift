import Foundation
import Platform
import Testing

@Suite("Reading received mail: mbox archives")
struct MailParsingMailboxTests {
    static let mbox = """
        From dana@acme.example Tue Mar  3 09:15:02 2026
        From: Dana <dana@acme.example>
        Subject: First

        One.

        From jobs@beta.example Wed Mar  4 10:00:00 2026
        From: jobs@beta.example
        Subject: Second

        >From the team: welcome.
        >>From here on, quoted.
        From time to time a body line starts like this.
        From Monday on, a body line is followed by one that looks like a header:
        Note: bring your ID.

        From ada@example.org Thu Mar  5 11:30:00 2026
        From: ada@example.org
        Subject: Third

        Three.

        """

    @Test("three messages split at From lines, >From lines unescaped, an unescaped body From line kept in its message",
          arguments: ["\n", "\r\n"])
    func threeMessages(lineEnding: String) throws {
        let messages = MailboxArchive.messages(in: MailParsingSupport.bytes(Self.mbox, lineEnding: lineEnding))
        #expect(messages.count == 3)
        let mails = try messages.map(MailParser.parse)
        #expect(mails.map(\.subject) == ["First", "Second", "Third"])
        #expect(mails[0].plainText == "One.")
        #expect(mails[1].plainText == """
            From the team: welcome.
            >From here on, quoted.
            From time to time a body line starts like this.
            From Monday on, a body line is followed by one that looks like a header:
            Note: bring your ID.
            """)
        #expect(mails[2].plainText == "Three.")
        #expect(String(decoding: messages[0], as: UTF8.self) == "From: Dana <dana@acme.example>\(lineEnding)Subject: First\(lineEnding)\(lineEnding)One.\(lineEnding)")
    }

    @Test("an empty archive has no messages; a single message without a From line is one message")
    func edges() {
        #expect(MailboxArchive.messages(in: Data()).isEmpty)
        #expect(MailboxArchive.messages(in: Data("\n\n".utf8)).isEmpty)
        #expect(MailboxArchive.messages(in: Data("Subject: lone\n\nbody\n".utf8)).count == 1)
    }
}
