import Foundation
import Logging

/// Sets up swift-log once per process: JSON lines for machines, readable text on a terminal.
public enum LogSetup {
    public static func bootstrap(level: Logger.Level, format: Settings.LogFormat) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = format == .json
                ? JSONLinesLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// One JSON object per line on standard error: time, level, label, message and metadata
/// (the request id among it, when Hummingbird adds one).
struct JSONLinesLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // Every request logs a line, so the line is written by hand: JSONSerialization with sorted
        // keys cost a tenth of a search request's time.
        var fields = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 })
            .map { ($0.key, "\($0.value)") }
        fields += [("label", label), ("level", event.level.rawValue), ("message", "\(event.message)"),
                   ("time", Self.timestamp(Date()))]
        var line: [UInt8] = [UInt8(ascii: "{")]
        line.reserveCapacity(256)
        for (index, (key, value)) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            Self.appendString(key, to: &line)
            line.append(UInt8(ascii: ":"))
            Self.appendString(value, to: &line)
        }
        line += [UInt8(ascii: "}"), 0x0A]
        FileHandle.standardError.write(Data(line))
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as is.
    static func appendString(_ string: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): line += [UInt8(ascii: "\\"), byte]
            case 0x0A: line += Array("\\n".utf8)
            case 0x0D: line += Array("\\r".utf8)
            case 0x09: line += Array("\\t".utf8)
            case ..<0x20: line += Array(String(format: "\\u%04x", byte).utf8)
            default: line.append(byte)
            }
        }
        line.append(UInt8(ascii: "\""))
    }

    /// UTC with milliseconds, e.g. `2026-12-02T03:04:05.678Z`.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int32(milliseconds % 1000))
    }
}
