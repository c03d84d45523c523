import Foundation
import Platform

/// Reads a job-search message offline: what it means (`category`), which employer and role it is
/// about, and for interviews when, how long and where. The same message always gives the same
/// answer, and every value carries the words it came from.
public struct EmailTriage: Sendable {
    public init() {}

    public func analyze(_ mail: ReceivedMail) -> EmailAnalysis {
        analyze(TriageMessage(mail: mail))
    }

    func analyze(_ message: TriageMessage) -> EmailAnalysis {
        let category = CategoryClassifier().classify(message)
        let isMassMail = category.value == .other && category.evidence.contains { $0.text == "mass mail" }
        // Mass mail names an employer only when one sends it ("Tidewater Energy Careers"), never a job board.
        let company = isMassMail ? CompanyReader().readSender(message) : CompanyReader().read(message, category: category.value)
        let title = isMassMail ? nil : TitleReader().read(message)
        let interview = category.value.isAboutInterview ? InterviewReader().read(message, category: category.value) : nil
        return EmailAnalysis(category: category, company: company, jobTitle: title, interview: interview)
    }
}
