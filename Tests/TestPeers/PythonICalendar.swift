import Foundation
import Platform

/// Reads a calendar with Python's icalendar library, an implementation independent of ours, and
/// reports what it understood as JSON.
public enum PythonICalendar {
    public static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Why the library cannot run here, or nil when python3 and icalendar are installed.
    public static let unavailableReason: String? = {
        guard let result = try? run(["-c", "import icalendar"], input: Data()) else { return "python3 is not installed" }
        return result.status == 0 ? nil : "icalendar is not installed (python3 -m pip install icalendar==7.3.2)"
    }()

    /// These tests run where icalendar is installed, and always in CI, where its absence is a failure.
    public static var shouldRun: Bool { unavailableReason == nil || inCI }

    public struct Reading: Decodable {
        public struct Event: Decodable {
            public var uid: String
            public var sequence: Int
            public var dtstamp: String
            public var dtstart: String
            public var dtend: String
            public var lastModified: String
            public var summary: String
            public var description: String?
            public var location: String?
            public var url: String?
            public var status: String?
        }

        public var version: String
        public var prodid: String
        public var method: String
        public var name: String
        public var refreshInterval: String
        public var errors: [String]
        public var events: [Event]
    }

    /// Parses strictly enough to notice trouble: any property icalendar could not read is listed in
    /// `errors`, and a document it cannot read at all throws.
    public static func read(_ document: String) async throws -> Reading {
        let result = try await onOwnThread { try run(["-c", script], input: Data(document.utf8)) }
        guard result.status == 0 else {
            throw Failure("icalendar could not read the document: \(String(decoding: result.errors, as: UTF8.self))")
        }
        return try JSONDecoder().decode(Reading.self, from: result.output)
    }

    private static let script = """
        import json, sys, icalendar
        calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read().decode("utf-8"))
        errors = [f"{component.name}: {error}" for component in calendar.walk() for error in component.errors]
        def text(event, name):
            value = event.get(name)
            return None if value is None else str(value)
        def time(event, name):
            return event.decoded(name).isoformat()
        events = [{
            "uid": text(event, "UID"), "sequence": int(event.get("SEQUENCE")),
            "dtstamp": time(event, "DTSTAMP"), "dtstart": time(event, "DTSTART"), "dtend": time(event, "DTEND"),
            "lastModified": time(event, "LAST-MODIFIED"), "summary": text(event, "SUMMARY"),
            "description": text(event, "DESCRIPTION"), "location": text(event, "LOCATION"),
            "url": text(event, "URL"), "status": text(event, "STATUS"),
        } for event in calendar.walk("VEVENT")]
        print(json.dumps({
            "version": str(calendar.get("VERSION")), "prodid": str(calendar.get("PRODID")),
            "method": str(calendar.get("METHOD")), "name": str(calendar.get("X-WR-CALNAME")),
            "refreshInterval": str(calendar.decoded("REFRESH-INTERVAL")),
            "errors": errors, "events": events,
        }))
        """

    private static func run(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data, errors: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.runOneAtATime()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        let status = process.waitUntilExit(orKillAfter: 60)
        return (status, output, errors)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
