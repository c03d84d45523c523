import Foundation

/// The rules of a skill assessment: how many questions of each level, how widely one question may
/// be shown, how long a candidate waits before retaking, what passes a level and how long a
/// verified level stays valid.
public struct InterviewPolicy: Sendable, Equatable {
    /// Questions drawn per level (1 foundation, 2 working, 3 advanced).
    public var questionsPerLevel: [Int: Int] = [1: 3, 2: 3, 3: 2]
    /// No question is shown to more than this share of a skill's takers, rounded up (so with few
    /// takers every question may be shown once).
    public var exposureShare = 0.5
    /// Between two attempts at one skill.
    public var cooldown: TimeInterval = 7 * 86_400
    /// Answers that arrive this long after the deadline still count: the time a request spends on
    /// the way, never long enough to think.
    public var grace: TimeInterval = 2
    /// A level passes when its questions average at least this (0–1).
    public var passMark = 0.7
    /// A verified level stays valid this long.
    public var validity: TimeInterval = 2 * 365 * 86_400

    public init() {}

    /// The most sessions one question may appear in once the `takers`-th taker has started.
    public func exposureCap(takers: Int) -> Int {
        max(1, Int((exposureShare * Double(takers) - 1e-9).rounded(.up)))
    }
}
