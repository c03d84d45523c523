import CareerAgent
import Domain
import Foundation

/// The JSON of a triaged message: its headers, what triage read with evidence and confidence, and
/// the proposed action.
enum EmailRepresentation {
    static func body(_ email: TriagedEmail) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let analysis = email.analysis
        return .object([
            "id": .string(email.id), "message_id": .string(email.messageKey), "source": .string(email.source.rawValue),
            "mailbox_id": optional(email.mailboxID), "from": .object(["address": optional(email.fromAddress), "name": optional(email.fromName)]),
            "subject": .string(email.subject), "date": optional(email.sentAt.map(Timestamps.format)),
            "received_at": .string(Timestamps.format(email.receivedAt)), "excerpt": .string(email.excerpt),
            "category": .string(analysis.category.value.rawValue),
            "category_confidence": .number(analysis.category.confidence),
            "category_evidence": evidence(analysis.category.evidence),
            "company": analysis.company.map { .string($0.value) } ?? .null,
            "company_confidence": analysis.company.map { .number($0.confidence) } ?? .null,
            "company_evidence": evidence(analysis.company?.evidence ?? []),
            "job_title": analysis.jobTitle.map { .string($0.value) } ?? .null,
            "job_title_confidence": analysis.jobTitle.map { .number($0.confidence) } ?? .null,
            "job_title_evidence": evidence(analysis.jobTitle?.evidence ?? []),
            "interview": analysis.interview.map(interview) ?? .null,
            "proposed_action": email.proposal.map(proposal) ?? .null,
            "state": .string(email.state.rawValue), "application_id": optional(email.applicationID),
            "decided_at": optional(email.decidedAt.map(Timestamps.format)),
        ])
    }

    static func interview(_ details: InterviewDetails) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            "start": optional(details.start), "time_zone": optional(details.timeZone),
            "duration_minutes": details.durationMinutes.map { .number(Double($0)) } ?? .null,
            "location_or_link": optional(details.locationOrLink), "location_type": optional(details.locationType?.rawValue),
            "time_status": .string(details.timeStatus.rawValue), "confidence": .number(details.confidence),
            "evidence": evidence(details.evidence),
            "calendar_uid": optional(details.calendarUID), "calendar_sequence": details.calendarSequence.map { .number(Double($0)) } ?? .null,
        ])
    }

    static func proposal(_ action: ProposedAction) -> JSONValue {
        .object([
            "application_id": action.applicationID.map(JSONValue.string) ?? .null,
            "new_application": action.newApplication.map { .object(["company": .string($0.company), "title": .string($0.title)]) } ?? .null,
            "from_status": action.fromStatus.map { .string($0.rawValue) } ?? .null,
            "status": action.toStatus.map { .string($0.rawValue) } ?? .null,
            "adds_interview": .bool(action.addsInterview), "reason": .string(action.reason),
        ])
    }

    static func evidence(_ items: [TriageEvidence]) -> JSONValue {
        .array(items.map { .object(["part": .string($0.part.rawValue), "text": .string($0.text)]) })
    }
}
