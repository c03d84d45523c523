/// Decides what a message means from the phrases it uses: each category's phrases add up (those in
/// the subject count half again), then a fixed order settles the overlaps that job mail is full of.
/// A rejection thanks you for applying and an interview invitation may too; an assessment invitation
/// speaks of the interview process; a job alert says "interview" and "apply" to everyone.
struct CategoryClassifier {
    struct Scores: Sendable {
        var values: [EmailCategory: Double] = [:]
        var bulk: Double = 0
        var evidence: [EmailCategory: [TriageEvidence]] = [:]

        subscript(_ category: EmailCategory) -> Double { values[category] ?? 0 }
    }

    func classify(_ message: TriageMessage) -> TriageValue<EmailCategory> {
        let scores = score(message)
        let (category, reason) = decide(scores, message: message)
        let ranked = scores.values.filter { $0.key != category }.map(\.value).max() ?? 0
        let winner = max(scores[category], 0.1)
        var confidence = category == .other && winner < 2 ? 0.6 : 0.5 + 0.5 * (winner - ranked) / (winner + 1)
        confidence = min(0.99, max(0.5, confidence))
        var evidence = scores.evidence[category] ?? []
        if evidence.isEmpty, let reason { evidence = [TriageEvidence(.body, reason)] }
        return TriageValue(category, confidence: (confidence * 100).rounded() / 100, evidence: Array(evidence.prefix(5)))
    }

    func score(_ message: TriageMessage) -> Scores {
        var scores = Scores()
        let tables: [(EmailCategory, TriageCues.Weighted)] = [
            (.rejection, TriageCues.rejection), (.offer, TriageCues.offer), (.interviewInvite, TriageCues.interview),
            (.interviewReschedule, TriageCues.reschedule), (.applicationReceived, TriageCues.applicationReceived),
            (.recruiterOutreach, TriageCues.recruiterOutreach), (.assessmentInvite, TriageCues.assessment),
        ]
        for (category, table) in tables {
            var total = 0.0
            var evidence: [TriageEvidence] = []
            for (phrase, weight) in table where weight > 0 {
                if message.foldedSubject.contains(phrase) {
                    total += weight * 1.5
                    evidence.append(TriageEvidence(.subject, phrase))
                }
                if message.foldedBody.contains(phrase) {
                    total += weight
                    evidence.append(TriageEvidence(.body, phrase))
                }
            }
            scores.values[category] = total
            scores.evidence[category] = evidence.sorted { weightOf($0.text, in: table) > weightOf($1.text, in: table) }
        }
        for (phrase, weight) in TriageCues.bulk where message.foldedAll.contains(phrase) { scores.bulk += weight }
        // A calendar invitation is an interview's strongest sign; a new SEQUENCE of one is a move.
        if let event = message.calendars.first {
            scores.values[.interviewInvite, default: 0] += 3
            scores.evidence[.interviewInvite, default: []].insert(TriageEvidence(.calendar, event.summary ?? "calendar invitation"), at: 0)
            if message.calendars.contains(where: { $0.sequence > 0 }) {
                scores.values[.interviewReschedule, default: 0] += 2
                scores.evidence[.interviewReschedule, default: []].insert(TriageEvidence(.calendar, "SEQUENCE \(message.calendars.map(\.sequence).max() ?? 0)"), at: 0)
            }
        }
        return scores
    }

    private func weightOf(_ phrase: String, in table: TriageCues.Weighted) -> Double {
        table.first { $0.phrase == phrase }?.weight ?? 0
    }

    private func decide(_ scores: Scores, message: TriageMessage) -> (EmailCategory, String?) {
        let strongest = [EmailCategory.rejection, .offer, .interviewInvite, .assessmentInvite].map { scores[$0] }.max() ?? 0
        if scores.bulk >= 3, strongest < 4.5 { return (.other, "mass mail") }
        if scores[.rejection] >= 3, scores[.rejection] >= scores[.offer] { return (.rejection, nil) }
        if scores[.offer] >= 3.5 { return (.offer, nil) }
        let interview = scores[.interviewInvite]
        let outreach = scores[.recruiterOutreach]
        let assessment = scores[.assessmentInvite]
        if interview >= 2.5, !(outreach >= 4 && outreach > interview + 1) {
            if scores[.interviewReschedule] >= 3 { return (.interviewReschedule, nil) }
            if assessment >= 3, assessment >= interview - 1 { return (.assessmentInvite, nil) }
            return (.interviewInvite, nil)
        }
        if assessment >= 2.5 { return (.assessmentInvite, nil) }
        if outreach >= 2.5, outreach >= scores[.applicationReceived] { return (.recruiterOutreach, nil) }
        if scores[.applicationReceived] >= 2.5 { return (.applicationReceived, nil) }
        if scores[.interviewReschedule] >= 3, interview >= 1 { return (.interviewReschedule, nil) }
        if scores[.offer] >= 3 { return (.offer, nil) }
        let ranked = EmailCategory.allCases.filter { $0 != .other }.max { scores[$0] < scores[$1] }!
        return scores[ranked] >= 2 ? (ranked, nil) : (.other, nil)
    }
}
