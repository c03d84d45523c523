import Foundation

/// Where a conclusion came from: the words that carried it and the part of the message they are in.
public struct TriageEvidence: Sendable, Equatable, Codable {
    public enum Part: String, Sendable, Codable { case subject, from, body, calendar, header }

    public var part: Part
    public var text: String

    public init(_ part: Part, _ text: String) {
        self.part = part
        self.text = text
    }
}

/// One value read from a message, how sure the reading is (0–1), and why.
public struct TriageValue<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var value: Value
    public var confidence: Double
    public var evidence: [TriageEvidence]

    public init(_ value: Value, confidence: Double, evidence: [TriageEvidence]) {
        self.value = value
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// How an interview is held.
public enum InterviewLocationType: String, Sendable, Codable, CaseIterable { case video, phone, onsite }

/// How firmly the message fixes the interview's time.
public enum InterviewTimeStatus: String, Sendable, Codable, CaseIterable {
    /// One time, fixed, with a zone the message states.
    case scheduled
    /// The sender offers one or more times for the candidate to accept; `start` is the first.
    case proposed
    /// The candidate is asked to pick a time (a scheduling link, "send us your availability").
    case toBeScheduled = "to_be_scheduled"
    /// A time is mentioned but cannot be pinned down (no zone, no date); never guessed.
    case ambiguous
}

/// What a message says about an interview.
public struct InterviewDetails: Sendable, Equatable, Codable {
    /// ISO 8601 with the offset of the zone the message states, e.g. `2026-03-12T14:00:00-05:00`.
    public var start: String?
    public var startInstant: Date?
    /// The IANA zone the time was read in, when the message names one.
    public var timeZone: String?
    public var durationMinutes: Int?
    public var locationOrLink: String?
    public var locationType: InterviewLocationType?
    public var timeStatus: InterviewTimeStatus
    /// The calendar invitation's UID and SEQUENCE, when the time came from one: updates replace older versions.
    public var calendarUID: String?
    public var calendarSequence: Int?
    public var confidence: Double
    public var evidence: [TriageEvidence]

    public init(start: String? = nil, startInstant: Date? = nil, timeZone: String? = nil, durationMinutes: Int? = nil,
                locationOrLink: String? = nil, locationType: InterviewLocationType? = nil, timeStatus: InterviewTimeStatus,
                calendarUID: String? = nil, calendarSequence: Int? = nil, confidence: Double, evidence: [TriageEvidence]) {
        self.start = start
        self.startInstant = startInstant
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.locationOrLink = locationOrLink
        self.locationType = locationType
        self.timeStatus = timeStatus
        self.calendarUID = calendarUID
        self.calendarSequence = calendarSequence
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// Everything triage reads from one message.
public struct EmailAnalysis: Sendable, Equatable, Codable {
    public var category: TriageValue<EmailCategory>
    public var company: TriageValue<String>?
    public var jobTitle: TriageValue<String>?
    public var interview: InterviewDetails?

    public init(category: TriageValue<EmailCategory>, company: TriageValue<String>?, jobTitle: TriageValue<String>?,
                interview: InterviewDetails?) {
        self.category = category
        self.company = company
        self.jobTitle = jobTitle
        self.interview = interview
    }
}
