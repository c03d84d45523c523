import Foundation
import SkillsGraph

/// The view models of the assessment pages: the overview, the player and the results.
enum AssessmentPageModels {
    /// What a candidate typed into one question's form, kept when the save was refused.
    struct Typed {
        var text: String?
        var choices: [Int]?
        var error: String
    }

    // MARK: Overview

    static func skillRow(_ skill: (skillID: String, name: String, questionsPerLevel: [Int: Int]), running: InterviewSession?,
                         verified: VerifiedSkill?) -> [String: Any] {
        let count = skill.questionsPerLevel.values.reduce(0, +)
        return [
            "skillID": skill.skillID, "skillName": skill.name, "questionCount": "\(count)",
            "leaderboardURL": "/leaderboards/\(SkillsText.segment(skill.skillID))",
            "isRunning": running != nil, "runningURL": running.map { "/assessments/\($0.id)" } ?? "",
            "verifiedLevel": verified.map { SkillsText.levelName($0.level) } ?? "",
        ]
    }

    static func verifiedRow(_ skill: VerifiedSkill, name: String) -> [String: Any] {
        [
            "skillName": name, "levelName": SkillsText.levelName(skill.level), "score": "\(skill.score)",
            "verifiedOn": SkillsText.date(skill.verifiedAt), "validUntil": SkillsText.date(skill.expiresAt),
            "sessionURL": "/assessments/\(skill.sessionID)",
            "leaderboardURL": "/leaderboards/\(SkillsText.segment(skill.skillID))",
        ]
    }

    static func sessionRow(_ session: InterviewSession, name: String) -> [String: Any] {
        [
            "url": "/assessments/\(session.id)", "skillName": name, "status": SkillsText.status(session.status),
            "isRunning": session.status == .inProgress, "started": SkillsText.time(session.startedAt),
            "score": session.score.map { "\($0)/100" } ?? "—",
            "levelName": session.status == .inProgress ? "—"
                : SkillsText.levelName(session.level) + (session.status == .inReview ? ", not final" : ""),
        ]
    }

    // MARK: Player

    /// The page of one session: the player while it runs, the results once it is marked.
    static func session(_ state: InterviewState, typed: [String: Typed] = [:], script: String) -> [String: Any] {
        let session = state.session
        let answers = Dictionary(state.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        let running = session.status == .inProgress
        let count = state.questions.count
        let questions = state.questions.enumerated().map { position, question in
            running ? playerQuestion(question, position: position + 1, count: count, session: session, saved: answers[question.id],
                                     typed: typed[question.id])
                : resultQuestion(question, position: position + 1, count: count, answer: answers[question.id])
        }
        let remaining = state.remainingSeconds
        return [
            "sessionID": session.id, "skillName": state.skillName, "isRunning": running, "isInReview": session.status == .inReview,
            "isCompleted": session.status == .completed, "status": SkillsText.status(session.status),
            "remainingSeconds": "\(remaining)", "countdown": SkillsText.countdown(remaining), "deadline": SkillsText.time(session.deadline),
            "started": SkillsText.time(session.startedAt), "finished": session.finishedAt.map(SkillsText.time) ?? "",
            "questionCount": "\(count)", "answeredCount": "\(state.answers.filter { isAnswered($0.value) }.count)",
            "questions": questions, "finishAction": "/assessments/\(session.id)/finish", "signalsAction": "/assessments/\(session.id)/signals",
            "score": "\(session.score ?? 0)", "levelName": SkillsText.levelName(session.level),
            "hasLevel": (session.level ?? 0) > 0, "leaderboardURL": "/leaderboards/\(SkillsText.segment(session.skillID))",
            "script": script,
        ]
    }

    static func isAnswered(_ value: AnswerValue) -> Bool {
        switch value {
        case .choices(let picked): !picked.isEmpty
        case .text(let text): !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    static func playerQuestion(_ question: AssessmentQuestion, position: Int, count: Int, session: InterviewSession, saved: SessionAnswer?,
                               typed: Typed?) -> [String: Any] {
        let anchor = SkillsText.anchor(question.id)
        var chosen: Set<Int> = []
        var text = ""
        if case .choices(let picked)? = saved?.value { chosen = Set(picked) }
        if case .text(let written)? = saved?.value { text = written }
        if let typed {
            if let choices = typed.choices { chosen = Set(choices) }
            if let written = typed.text { text = written }
        }
        let choices = question.choices.enumerated().map { index, choice -> [String: Any] in
            ["choiceID": "\(anchor)-choice-\(index)", "choiceValue": "\(index)", "choiceText": choice, "checked": chosen.contains(index)]
        }
        return [
            "questionID": question.id, "anchor": anchor, "position": "\(position)", "count": "\(count)", "prompt": question.prompt,
            "code": question.code ?? "", "levelName": AssessmentQuestion.levelNames[question.level] ?? "",
            "kindLabel": SkillsText.kind(question.kind), "seconds": "\(question.allowedSeconds)",
            "action": "/assessments/\(session.id)/answers/\(SkillsText.segment(question.id))",
            "isSingle": question.kind == .multipleChoice, "isMultiple": question.kind == .multipleAnswer,
            "isShort": question.kind == .shortAnswer, "isCode": question.kind == .codeOutput, "isOpen": question.kind == .openAnswer,
            "choices": choices, "answerText": text,
            "rubricPoints": question.rubric.map { ["pointDescription": $0.description, "pointWeight": weight($0.weight)] as [String: Any] },
            "isSaved": saved.map { isAnswered($0.value) } ?? false, "savedAt": saved.map { SkillsText.time($0.answeredAt) } ?? "",
            "questionError": typed?.error ?? "",
        ]
    }

    static func weight(_ weight: Int) -> String { weight == 1 ? "1 point" : "\(weight) points" }

    // MARK: Results

    static func resultQuestion(_ question: AssessmentQuestion, position: Int, count: Int, answer: SessionAnswer?) -> [String: Any] {
        var model: [String: Any] = [
            "questionID": question.id, "anchor": SkillsText.anchor(question.id), "position": "\(position)", "count": "\(count)",
            "prompt": question.prompt, "code": question.code ?? "", "levelName": AssessmentQuestion.levelNames[question.level] ?? "",
            "kindLabel": SkillsText.kind(question.kind), "explanation": question.explanation ?? "",
            "resultScore": SkillsText.percent(answer?.effectiveScore ?? 0),
        ]
        model.merge(answerModel(question, answer: answer)) { $1 }
        model.merge(reviewModel(answer?.review)) { $1 }
        return model
    }

    /// The candidate's answer as the results and the reviewer read it, with the rubric's verdict.
    static func answerModel(_ question: AssessmentQuestion, answer: SessionAnswer?) -> [String: Any] {
        var chosen: Set<Int> = []
        var text = ""
        if case .choices(let picked)? = answer?.value { chosen = Set(picked) }
        if case .text(let written)? = answer?.value { text = written }
        let rubric = answer?.marking?.rubric
        let spans = rubric?.points.flatMap(\.spans) ?? []
        let isChoice = question.kind == .multipleChoice || question.kind == .multipleAnswer
        let blank = answer.map { !isAnswered($0.value) } ?? true
        return [
            "isChoice": isChoice, "isBlank": blank,
            "resultChoices": question.choices.enumerated().map { index, choice -> [String: Any] in
                ["resultChoiceText": choice, "chosen": chosen.contains(index)]
            },
            "answerHTML": isChoice || blank ? "" : SkillsText.marked(text, spans: spans),
            "isRubric": rubric != nil, "rubricScore": rubric.map { SkillsText.percent($0.score) } ?? "",
            "confidence": answer?.marking.map { SkillsText.percent($0.confidence) } ?? "",
            "points": (rubric?.points ?? []).map { point -> [String: Any] in
                [
                    "pointDescription": point.description, "pointWeight": weight(point.weight), "covered": point.covered,
                    "partial": point.partial, "verdict": point.covered ? "covered" : point.partial ? "partly covered" : "not covered",
                    "evidence": point.spans.map(\.text), "hasEvidence": !point.spans.isEmpty, "cue": point.cue ?? "",
                ]
            },
            "hasMarks": !spans.isEmpty,
            "doubts": rubric?.doubts ?? [],
            "hasDoubts": !(rubric?.doubts.isEmpty ?? true), "doubtsText": (rubric?.doubts ?? []).joined(separator: "; "),
        ]
    }

    static func reviewModel(_ review: AnswerReview?) -> [String: Any] {
        [
            "hasReview": review != nil, "reviewPending": review?.status == .pending, "reviewDecided": review?.status == .decided,
            "reviewReasons": (review?.reasons ?? []).joined(separator: "; "), "reviewScore": review?.decidedScore.map(SkillsText.percent) ?? "",
            "reviewNote": review?.note ?? "", "reviewDecidedAt": review?.decidedAt.map(SkillsText.time) ?? "",
            "secondOpinion": review?.secondOpinion ?? "",
        ]
    }
}
