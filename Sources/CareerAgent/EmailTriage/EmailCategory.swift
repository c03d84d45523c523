/// What a job-search message means for the application it is about.
public enum EmailCategory: String, Sendable, CaseIterable, Codable {
    case interviewInvite = "interview_invite"
    case interviewReschedule = "interview_reschedule"
    case rejection
    case offer
    case applicationReceived = "application_received"
    case recruiterOutreach = "recruiter_outreach"
    case assessmentInvite = "assessment_invite"
    case other

    /// The status the application moves to when the user confirms; nil when the message changes nothing.
    public var proposedStatus: ApplicationStatus? {
        switch self {
        case .interviewInvite, .interviewReschedule: .interview
        case .rejection: .rejected
        case .offer: .offer
        case .applicationReceived: .applied
        case .assessmentInvite: .assessment
        case .recruiterOutreach: .saved
        case .other: nil
        }
    }

    /// Whether the message schedules (or moves) an interview.
    public var isAboutInterview: Bool { self == .interviewInvite || self == .interviewReschedule }
}
