import Domain
import Foundation

/// What a job seeker tells Wayfinder about themselves and the work they want.
public struct UserProfile: Sendable, Equatable {
    public var headline: String?
    public var location: String?
    public var remotePreference: RemotePreference?
    /// A yearly amount in whole units of `salaryCurrency`.
    public var desiredSalary: Int?
    public var salaryCurrency: String?
    public var skills: [String]
    public var careerStage: CareerStage?
    /// Free-form settings of the client's choosing: names to strings, numbers or booleans.
    public var preferences: [String: JSONValue]
    public var updatedAt: Date?

    public init(
        headline: String? = nil, location: String? = nil, remotePreference: RemotePreference? = nil,
        desiredSalary: Int? = nil, salaryCurrency: String? = nil, skills: [String] = [], careerStage: CareerStage? = nil,
        preferences: [String: JSONValue] = [:], updatedAt: Date? = nil
    ) {
        self.headline = headline
        self.location = location
        self.remotePreference = remotePreference
        self.desiredSalary = desiredSalary
        self.salaryCurrency = salaryCurrency
        self.skills = skills
        self.careerStage = careerStage
        self.preferences = preferences
        self.updatedAt = updatedAt
    }
}

public enum RemotePreference: String, Sendable, CaseIterable {
    case onsite, hybrid, remote, any
}

public enum CareerStage: String, Sendable, CaseIterable {
    case student, entry, mid, senior, lead, executive
    case careerChange = "career_change"
}
