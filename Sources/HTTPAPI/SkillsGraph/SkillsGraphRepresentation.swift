import Domain
import Foundation
import JobPostings
import SkillsGraph

/// The skills graph's JSON shapes, written once for the API and the pages' scripts.
enum SkillsGraphRepresentation {
    static func time(_ date: Date?) -> JSONValue { date.map { .string(Timestamps.format($0)) } ?? .null }
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    static func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }

    static func company(_ company: Company, role: CompanyRole?) -> JSONValue {
        .object([
            "id": .string(company.id), "name": .string(company.name), "website": string(company.website), "about": string(company.about),
            "location": string(company.location), "role": role.map { .string($0.rawValue) } ?? .null,
            "created_at": time(company.createdAt), "updated_at": time(company.updatedAt),
        ])
    }

    static func member(_ member: CompanyMember) -> JSONValue {
        .object(["user_id": .string(member.userID), "name": .string(member.name), "email": .string(member.email),
                 "role": .string(member.role.rawValue), "added_at": time(member.addedAt)])
    }

    static func invitation(_ invitation: CompanyInvitation) -> JSONValue {
        .object(["id": .string(invitation.id), "email": .string(invitation.email), "role": .string(invitation.role.rawValue),
                 "created_at": time(invitation.createdAt), "expires_at": time(invitation.expiresAt), "accepted_at": time(invitation.acceptedAt)])
    }

    static func job(_ job: EmployerJob) -> JSONValue {
        .object([
            "id": .string(job.id), "company_id": .string(job.companyID), "status": .string(job.status.rawValue), "title": .string(job.title),
            "description": .string(job.description), "location": .string(job.location), "remote": .bool(job.remote),
            "employment_type": string(job.employmentType?.rawValue), "min_salary": number(job.minSalary), "max_salary": number(job.maxSalary),
            "currency": string(job.currency),
            "skills": .array(job.skills.map { .object(["skill_id": .string($0.skillID), "name": .string($0.name),
                                                       "required": .bool($0.required), "minimum_level": .number(Double($0.minimumLevel))]) }),
            "created_at": time(job.createdAt), "updated_at": time(job.updatedAt), "published_at": time(job.publishedAt),
            "closed_at": time(job.closedAt),
        ])
    }

    /// A question as the candidate sees it: no key, no rubric cues, no sample answer.
    static func question(_ question: AssessmentQuestion, position: Int) -> JSONValue {
        var body: [String: JSONValue] = [
            "id": .string(question.id), "position": .number(Double(position)), "level": .number(Double(question.level)),
            "kind": .string(question.kind.rawValue), "prompt": .string(question.prompt), "code": string(question.code),
            "seconds": .number(Double(question.allowedSeconds)),
        ]
        if !question.choices.isEmpty { body["choices"] = .array(question.choices.map(JSONValue.string)) }
        if question.kind == .openAnswer {
            body["rubric"] = .array(question.rubric.map { .object(["id": .string($0.id), "description": .string($0.description),
                                                                  "weight": .number(Double($0.weight))]) })
        }
        return .object(body)
    }

    static func session(_ state: InterviewState) -> JSONValue {
        let session = state.session
        let answers = Dictionary(state.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        let finished = session.status != .inProgress
        return .object([
            "id": .string(session.id), "skill_id": .string(session.skillID), "skill_name": .string(state.skillName),
            "status": .string(session.status.rawValue), "started_at": time(session.startedAt), "deadline": time(session.deadline),
            "finished_at": time(session.finishedAt), "remaining_seconds": .number(Double(state.remainingSeconds)),
            "score": number(session.score), "level": number(session.level),
            "level_name": session.level.flatMap { AssessmentQuestion.levelNames[$0] }.map(JSONValue.string) ?? .null,
            "questions": .array(state.questions.enumerated().map { position, question in
                var body = self.question(question, position: position + 1)
                guard case .object(var object) = body else { return body }
                object["answer"] = answers[question.id]?.value.json ?? .null
                if finished {
                    object["result"] = answers[question.id].map { result($0, question: question) }
                        ?? .object(["score": .number(0), "method": .string("key")])
                    if let explanation = question.explanation { object["explanation"] = .string(explanation) }
                }
                body = .object(object)
                return body
            }),
            "answered": .number(Double(state.answers.count)),
            "signals": .array(state.signals.map(signal)),
        ])
    }

    /// An answer's marking: score 0–100, how it was marked, the rubric's points with their evidence
    /// spans, the confidence, and the review if there is one.
    static func result(_ answer: SessionAnswer, question: AssessmentQuestion) -> JSONValue {
        var body: [String: JSONValue] = [
            "score": .number((answer.effectiveScore * 100).rounded()),
            "method": .string(answer.marking?.method.rawValue ?? "key"),
            "confidence": answer.marking.map { .number($0.confidence) } ?? .null,
        ]
        if let rubric = answer.marking?.rubric {
            body["rubric_score"] = .number((rubric.score * 100).rounded())
            body["points"] = .array(rubric.points.map { point in
                .object(["id": .string(point.id), "description": .string(point.description), "weight": .number(Double(point.weight)),
                         "covered": .bool(point.covered), "partial": .bool(point.partial), "cue": string(point.cue),
                         "evidence": .array(point.spans.map { .object(["text": .string($0.text), "start": .number(Double($0.start)),
                                                                      "end": .number(Double($0.end))]) })])
            })
            body["doubts"] = .array(rubric.doubts.map(JSONValue.string))
        }
        if let review = answer.review {
            body["review"] = .object([
                "status": .string(review.status.rawValue), "reasons": .array(review.reasons.map(JSONValue.string)),
                "score": review.decidedScore.map { .number(($0 * 100).rounded()) } ?? .null, "note": string(review.note),
                "decided_at": time(review.decidedAt), "second_opinion": string(review.secondOpinion),
            ])
        }
        return .object(body)
    }

    static func signal(_ signal: SessionSignal) -> JSONValue {
        .object(["kind": .string(signal.kind.rawValue), "question_id": string(signal.questionID), "at": time(signal.at), "size": number(signal.size)])
    }

    static func reviewCase(_ item: ReviewCase) -> JSONValue {
        .object([
            "session_id": .string(item.session.id), "question_id": .string(item.question.id), "skill_id": .string(item.session.skillID),
            "skill_name": .string(item.skillName), "level": .number(Double(item.question.level)), "prompt": .string(item.question.prompt),
            "rubric": .array(item.question.rubric.map { .object(["id": .string($0.id), "description": .string($0.description),
                                                                "weight": .number(Double($0.weight)), "cues": .array($0.cues.map(JSONValue.string))]) }),
            "sample_answer": string(item.question.sampleAnswer),
            "answer": item.answer.value.json, "result": result(item.answer, question: item.question),
            "signals": .array(item.signals.map(signal)),
            "decisions": .array(item.decisions.map { .object([
                "reviewer_id": .string($0.reviewerID), "decided_at": time($0.decidedAt),
                "previous_score": .number(($0.previousScore * 100).rounded()), "score": .number(($0.score * 100).rounded()), "note": .string($0.note),
            ]) }),
            "session_status": .string(item.session.status.rawValue),
        ])
    }

    static func verified(_ skill: VerifiedSkill, name: String) -> JSONValue {
        .object(["skill_id": .string(skill.skillID), "name": .string(name), "level": .number(Double(skill.level)),
                 "level_name": string(AssessmentQuestion.levelNames[skill.level]), "score": .number(Double(skill.score)),
                 "session_id": .string(skill.sessionID), "verified_at": time(skill.verifiedAt), "expires_at": time(skill.expiresAt)])
    }

    static func match(_ match: JobMatch) -> JSONValue {
        .object([
            "score": .number(Double(match.score)),
            "components": .array(match.components.map { .object(["name": .string($0.name), "score": .number(Double($0.score)),
                                                                 "weight": .number(Double($0.weight)), "evidence": .array($0.evidence.map(JSONValue.string))]) }),
            "matched_skills": .array(match.matchedSkills.map { .object(["name": .string($0.name), "required": .bool($0.isRequired),
                                                                       "verified": .bool($0.isVerified)]) }),
            "missing_skills": .array(match.missingSkills.map { .object(["name": .string($0.name), "required": .bool($0.isRequired)]) }),
        ])
    }

    static func candidateMatch(_ view: CandidateMatchView) -> JSONValue {
        .object([
            "job_id": .string(view.posting.jobID), "title": .string(view.posting.title), "company": .string(view.posting.company),
            "location": .string(view.posting.location), "remote": .bool(view.posting.remote), "score": .number(Double(view.pair.score)),
            "computed_at": time(view.pair.computedAt), "match": match(view.match),
        ])
    }

    /// An employer's view of a candidate: identity only after they accepted contact.
    static func anonymous(_ candidate: AnonymousCandidate) -> JSONValue {
        func skill(_ skill: AnonymousCandidate.Skill) -> JSONValue {
            .object(["name": .string(skill.name), "required": .bool(skill.required), "verified_level": number(skill.verifiedLevel),
                     "minimum_level": .number(Double(skill.minimumLevel)), "meets_minimum": .bool(skill.meetsMinimum)])
        }
        return .object([
            "candidate_id": .string(candidate.handle), "score": .number(Double(candidate.score)),
            "matched_skills": .array(candidate.matchedSkills.map(skill)), "missing_skills": .array(candidate.missingSkills.map(skill)),
            "components": .array(candidate.components.map { .object(["name": .string($0.name), "score": .number(Double($0.score)),
                                                                     "weight": .number(Double($0.weight))]) }),
            "reasons": .array(candidate.reasons.map(JSONValue.string)),
            "contact": candidate.contact.map { .string($0.rawValue) } ?? .null,
            "profile": candidate.profile.map { .object(["name": .string($0.name), "email": .string($0.email), "headline": string($0.headline),
                                                         "location": string($0.location)]) } ?? .null,
        ])
    }

    static func contactRequest(_ request: ContactRequest, job: EmployerJob?, company: Company?) -> JSONValue {
        .object([
            "id": .string(request.id), "job_id": .string(request.jobID), "job_title": string(job?.title), "company": string(company?.name),
            "message": .string(request.message), "status": .string(request.status.rawValue), "created_at": time(request.createdAt),
            "answered_at": time(request.answeredAt),
        ])
    }

    static func notification(_ notification: SkillsNotification) -> JSONValue {
        .object(["id": .string(notification.id), "kind": .string(notification.kind.rawValue), "title": .string(notification.title),
                 "body": .string(notification.body), "link": string(notification.link), "created_at": time(notification.createdAt),
                 "read": .bool(notification.readAt != nil), "read_at": time(notification.readAt)])
    }
}
