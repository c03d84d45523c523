import Domain
import Foundation

/// "Sends" mail by writing each message as an `.eml` file into a directory: the mailer for a machine
/// with no mail server, for development and for tests, where a person opens the files in any mail
/// program or reads them as text.
///
/// File names sort by time (UTC, to the millisecond) and end in a random token, so two messages never
/// share a file. Each file is written under a dot-name first and renamed into place, so anything that
/// watches the directory for `*.eml` sees only whole messages.
public struct FileDropMailer: Mailer {
    public let directory: URL
    private let clock: any WallClock

    public init(directory: URL, clock: any WallClock = SystemWallClock()) {
        self.directory = directory
        self.clock = clock
    }

    public func send(_ message: MailMessage) async throws {
        try message.validate()
        let now = clock.now()
        let content = Data(message.rendered(date: now).utf8)
        let name = Self.fileName(at: now, token: String(UUID().uuidString.prefix(8)).lowercased())
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let partial = directory.appendingPathComponent(".\(name).partial")
        try content.write(to: partial)
        do {
            try manager.moveItem(at: partial, to: directory.appendingPathComponent(name))
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
    }

    /// `20261201-014501-123-1a2b3c4d.eml`.
    static func fileName(at date: Date, token: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss-SSS"
        return "\(formatter.string(from: date))-\(token).eml"
    }
}
