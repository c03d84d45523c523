import Domain
import Foundation
import JobPostings
import Platform

/// How the command line prints sources, runs and tasks.
public enum SourceReport {
    public static func table(_ statuses: [JobSourceStatus]) -> String {
        var rows = [["ID", "NAME", "KIND", "ENABLED", "LAST RUN", "RESULT", "FETCHED", "NEW", "UPDATED", "SKIPPED", "CLOSED", "DURATION", "NEXT RUN"]]
        for status in statuses {
            let run = status.lastRun
            rows.append([
                "\(status.source.id)", status.source.name, status.source.kind.rawValue, status.source.enabled ? "yes" : "no",
                run.map { Timestamps.format($0.startedAt) } ?? "never", run?.status.rawValue ?? "-",
                run.map { "\($0.fetched)" } ?? "-", run.map { "\($0.inserted)" } ?? "-", run.map { "\($0.updated)" } ?? "-",
                run.map { "\($0.skipped)" } ?? "-", run.map { "\($0.closed)" } ?? "-",
                run.map { String(format: "%.2f s", $0.duration) } ?? "-",
                status.nextRunAt.map(Timestamps.format) ?? "-",
            ])
        }
        return align(rows)
    }

    public static func line(_ outcome: ForegroundSync.Outcome) -> String {
        let source = "source \(outcome.source.id) (\(outcome.source.name))"
        switch outcome.task {
        case .done:
            guard let run = outcome.lastRun else { return "\(source): done" }
            return "\(source): \(run.status.rawValue) in \(String(format: "%.2f", run.duration)) s: " + counts(run)
        case .dead(let letter):
            return "\(source): failed after \(letter.receives) attempts, dead-lettered as \(letter.id): \(letter.lastError)"
        case .pending(let record):
            return "\(source): still \(record.state.rawValue) (task \(record.id))"
        case .unknown:
            return "\(source): task \(outcome.taskID) is gone"
        }
    }

    public static func counts(_ run: SyncRun) -> String {
        "fetched \(run.fetched), inserted \(run.inserted), updated \(run.updated), unchanged \(run.unchanged), "
            + "skipped \(run.skipped), closed \(run.closed), duplicates \(run.duplicates)"
    }

    public static func tasks(_ records: [TaskRecord]) -> String {
        var rows = [["ID", "NAME", "STATE", "RECEIVES", "VISIBLE AT", "ENQUEUED", "LAST ERROR"]]
        for task in records {
            rows.append(["\(task.id)", task.name, task.state.rawValue, "\(task.receives)", Timestamps.format(task.visibleAt),
                         Timestamps.format(task.enqueuedAt), task.lastError.map { String($0.prefix(80)) } ?? ""])
        }
        return align(rows)
    }

    public static func deadLetters(_ letters: [DeadLetter]) -> String {
        var rows = [["ID", "TASK", "NAME", "RECEIVES", "DIED", "LAST ERROR"]]
        for letter in letters {
            rows.append(["\(letter.id)", "\(letter.taskID)", letter.name, "\(letter.receives)", Timestamps.format(letter.diedAt),
                         String(letter.lastError.prefix(100))])
        }
        return align(rows)
    }

    static func align(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
