import Foundation

/// Which entries to list: every criterion given must hold. Times are compared to the millisecond,
/// `from` inclusive and `to` exclusive; `afterSequence` pages on from the last entry of a previous page.
public struct AuditFilter: Sendable, Equatable {
    public static let defaultLimit = 100
    public static let maximumLimit = 1_000

    public var action: String?
    public var actor: String?
    public var subject: String?
    public var from: Date?
    public var to: Date?
    public var afterSequence: Int64?
    private var cappedLimit: Int

    /// At most this many entries, between 1 and `maximumLimit`.
    public var limit: Int {
        get { cappedLimit }
        set { cappedLimit = Self.cap(newValue) }
    }

    public init(
        action: String? = nil, actor: String? = nil, subject: String? = nil, from: Date? = nil, to: Date? = nil,
        afterSequence: Int64? = nil, limit: Int = AuditFilter.defaultLimit
    ) {
        self.action = action
        self.actor = actor
        self.subject = subject
        self.from = from
        self.to = to
        self.afterSequence = afterSequence
        cappedLimit = Self.cap(limit)
    }

    /// `from` in milliseconds, as the stored times are compared with it.
    public var fromMilliseconds: Int64? { from.map(AuditMilliseconds.of) }
    /// `to` in milliseconds, as the stored times are compared with it.
    public var toMilliseconds: Int64? { to.map(AuditMilliseconds.of) }

    /// Whether `entry` passes every criterion (the limit aside).
    public func matches(_ entry: AuditEntry) -> Bool {
        if let action, entry.action != action { return false }
        if let actor, entry.actor != actor { return false }
        if let subject, entry.subject != subject { return false }
        if let fromMilliseconds, entry.atMilliseconds < fromMilliseconds { return false }
        if let toMilliseconds, entry.atMilliseconds >= toMilliseconds { return false }
        if let afterSequence, entry.sequence <= afterSequence { return false }
        return true
    }

    private static func cap(_ limit: Int) -> Int { min(max(limit, 1), maximumLimit) }
}
