/// Decides what a message means from the phrases it uses: each category's phrases add up (those in
/// the subject count half again, those under an "if" count a fifth), the message's own signs add to
/// them (a dated time, a meeting link, a calendar invitation), then a fixed order settles the
/// overlaps that job mail is full of. A rejection thanks you for applying and an interview invitation
/// may too; an assessment invitation speaks of the interview process; a job alert says "interview"
/// and "apply" to everyone.
struct CategoryClassifier {
    struct Scores: Sendable {
        var values: [EmailCategory: Double] = [:]
        var bulk: Double = 0
        var evidence: [EmailCategory: [TriageEvidence]] = [:]
        /// The message names a day and a time, or carries a meeting link or a calendar invitation.
        var hasConcreteTime = false

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
            var evidence: [(TriageEvidence, Double)] = []
            for (phrase, weight) in table where weight != 0 {
                if message.foldedSubject.hasBytes(phrase) {
                    total += weight * 1.5
                    evidence.append((TriageEvidence(.subject, phrase), weight * 1.5))
                }
                if let range = message.foldedBody.byteRange(of: phrase) {
                    let counted = Self.isConditional(message.foldedBody, before: range.lowerBound) ? weight * 0.2 : weight
                    total += counted
                    evidence.append((TriageEvidence(.body, phrase), counted))
                }
            }
            scores.values[category] = max(0, total)
            scores.evidence[category] = evidence.sorted { $0.1 > $1.1 }.map(\.0)
        }
        for (phrase, weight) in TriageCues.bulk where message.foldedSubject.hasBytes(phrase) || message.foldedBody.hasBytes(phrase) { scores.bulk += weight }
        // The message's own signs of a meeting: a dated time, a meeting link, an invitation about a job.
        let slots = TextTimeReader(reference: message.date, writerZone: message.writerTimeZone).slots(in: message.foldedBody)
        let datedTime = slots.contains { $0.month != nil }
        let meetingLink = (message.links.map(\.url) + InterviewPlaceReader.urls(in: message.body)).contains(where: InterviewPlaceReader.isVideoLink)
        let jobCalendar = message.calendars.first { event in
            let text = TriageMessage.fold((event.summary ?? "") + " " + (event.description ?? ""))
            return ["interview", "screen", "call", "chat", "meeting", "round", "onsite", "panel", "gesprach", "entretien", "entrevista",
                    "gesprek", "sollicitatie", "hiring", "recruit"].contains { text.contains($0) }
        }
        if datedTime || meetingLink || jobCalendar != nil {
            scores.hasConcreteTime = true
            var boost = (datedTime ? 1.5 : 0) + (meetingLink ? 1.0 : 0)
            if let event = jobCalendar {
                boost += 3
                scores.evidence[.interviewInvite, default: []].insert(TriageEvidence(.calendar, event.summary ?? "calendar invitation"), at: 0)
            }
            scores.values[.interviewInvite, default: 0] += boost
        }
        // Mail sent by an assessment platform on an employer's behalf is an assessment, whatever it calls itself.
        let sender = TriageMessage.fold((message.fromName ?? "") + " " + (message.fromAddress ?? ""))
        if Self.assessmentPlatforms.contains(where: { sender.contains($0) }) {
            scores.values[.assessmentInvite, default: 0] += 3
            scores.evidence[.assessmentInvite, default: []].insert(TriageEvidence(.from, message.fromAddress ?? ""), at: 0)
        }
        if message.calendars.contains(where: { $0.sequence > 0 }) {
            scores.values[.interviewReschedule, default: 0] += 2.5
            scores.evidence[.interviewReschedule, default: []].insert(TriageEvidence(.calendar, "SEQUENCE \(message.calendars.map(\.sequence).max() ?? 0)"), at: 0)
        }
        return scores
    }

    static let assessmentPlatforms = ["hackerrank", "codility", "codesignal", "testgorilla", "coderbyte", "hirevue", "sparkhire",
                                      "spark hire", "shl.com", "vervoe", "criteriacorp", "pymetrics", "harver", "willo", "testdome", "mettl",
                                      "talview", "hackerearth", "codingame", "devskiller", "qualified.io", "karat"]

    /// "If you are not selected…", "should you need to reschedule…": a phrase under a condition only leans.
    static func isConditional(_ text: String, before index: String.Index) -> Bool {
        let start = text.index(index, offsetBy: -120, limitedBy: text.startIndex) ?? text.startIndex
        let window = text[start..<index]
        let clause = window.split(whereSeparator: { ".!?\n;".contains($0) }).last.map(String.init) ?? String(window)
        return [" if ", "if you", "should you", "in case", "whether", "wenn ", "falls ", "si vous", "si usted", "si tu", "als je", "caso ",
                " se ", "please assume", "may assume", "otherwise", "unless"]
            .contains { (" " + clause).hasBytes($0) }
    }

    private func decide(_ scores: Scores, message: TriageMessage) -> (EmailCategory, String?) {
        let interview = scores[.interviewInvite], outreach = scores[.recruiterOutreach], assessment = scores[.assessmentInvite]
        let rejection = scores[.rejection], offer = scores[.offer], received = scores[.applicationReceived]
        let reschedule = scores[.interviewReschedule]
        let personal = max(rejection, offer, interview, assessment, received, outreach, reschedule)
        // A decision about the reader's own application counts even in a template full of footer links.
        if rejection >= 3, rejection >= offer, scores.bulk < 8 { return (.rejection, nil) }
        if scores.bulk >= 4, personal < scores.bulk + 3 { return (.other, "mass mail") }
        if scores.bulk >= 3, personal < 4 { return (.other, "mass mail") }
        // A confirmation of an application speaks of interviews to come, without a time for one.
        if received >= 6, received >= interview * 1.5, !scores.hasConcreteTime, rejection < 3 { return (.applicationReceived, nil) }
        if offer >= 3.5, offer > interview { return (.offer, nil) }
        // A recruiter's first approach speaks of roles and calls, but names no interview time.
        if outreach >= 3, outreach >= interview, message.calendars.isEmpty { return (.recruiterOutreach, nil) }
        if interview >= 2.5 {
            if assessment >= 3, assessment >= interview - 1.5, assessment >= reschedule { return (.assessmentInvite, nil) }
            if reschedule >= 2.5 { return (.interviewReschedule, nil) }
            return (.interviewInvite, nil)
        }
        if assessment >= 2.5 { return (.assessmentInvite, nil) }
        if reschedule >= 3, scores.hasConcreteTime || interview >= 1 { return (.interviewReschedule, nil) }
        if outreach >= 2.5, outreach >= received { return (.recruiterOutreach, nil) }
        if received >= 2.5 { return (.applicationReceived, nil) }
        if offer >= 3 { return (.offer, nil) }
        if scores.bulk >= 2.5 { return (.other, "mass mail") }
        let ranked = EmailCategory.allCases.filter { $0 != .other }.max { scores[$0] < scores[$1] }!
        return scores[ranked] >= 2 ? (ranked, nil) : (.other, nil)
    }
}
