import Domain
import Foundation

/// How a seeker's search goes: applications per week, how many employers answered, how fast.
public struct ApplicationStatistics: Sendable, Equatable {
    public var total: Int
    public var byStatus: [ApplicationStatus: Int]
    /// Applications sent per week (weeks start on Monday, UTC), oldest first, the last 12 weeks.
    public var appliedPerWeek: [(weekStart: Date, count: Int)]
    /// Share of sent applications the employer answered (any status past "applied" but a withdrawal), 0–1.
    public var responseRate: Double
    /// Median days from sending an application to the employer's first answer, when any answered.
    public var medianDaysToFirstResponse: Double?

    public static func == (left: Self, right: Self) -> Bool {
        left.total == right.total && left.byStatus == right.byStatus && left.responseRate == right.responseRate
            && left.medianDaysToFirstResponse == right.medianDaysToFirstResponse
            && left.appliedPerWeek.map(\.count) == right.appliedPerWeek.map(\.count)
            && left.appliedPerWeek.map(\.weekStart) == right.appliedPerWeek.map(\.weekStart)
    }

    static func of(_ applications: [JobApplication], events: [ApplicationEvent], now: Date, weeks: Int = 12) -> ApplicationStatistics {
        var byStatus: [ApplicationStatus: Int] = [:]
        for application in applications { byStatus[application.status, default: 0] += 1 }
        let grouped = Dictionary(grouping: events, by: \.applicationID)
        var appliedAt: [Date] = []
        var answered = 0
        var delays: [Double] = []
        for application in applications {
            let timeline = (grouped[application.id] ?? []).sorted { $0.at < $1.at }
            // Sent when it first reached "applied" or beyond; an application created past "applied" counts from its creation.
            guard let sent = timeline.first(where: { $0.to != .saved }) else { continue }
            appliedAt.append(sent.at)
            if let answer = timeline.first(where: { $0.at >= sent.at && $0.to.isResponse }) {
                answered += 1
                if answer.from != nil, answer.at > sent.at { delays.append(answer.at.timeIntervalSince(sent.at) / 86_400) }
            }
        }
        let buckets = WeeklyBuckets(now: now, count: weeks)
        var counts = [Int](repeating: 0, count: weeks)
        for date in appliedAt {
            if let index = buckets.index(of: Int64(date.timeIntervalSince1970)) { counts[index] += 1 }
        }
        delays.sort()
        let median: Double? = delays.isEmpty ? nil
            : delays.count % 2 == 1 ? delays[delays.count / 2] : (delays[delays.count / 2 - 1] + delays[delays.count / 2]) / 2
        return ApplicationStatistics(
            total: applications.count, byStatus: byStatus,
            appliedPerWeek: counts.enumerated().map { (buckets.start(of: $0.offset), $0.element) },
            responseRate: appliedAt.isEmpty ? 0 : Double(answered) / Double(appliedAt.count),
            medianDaysToFirstResponse: median.map { ($0 * 10).rounded() / 10 }
        )
    }
}
