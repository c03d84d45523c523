import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import Hummingbird
import JobPostings
import SkillsGraph

extension WebContext {
    var skillsGraph: SkillsGraphAPI { dependencies.skillsGraph }

    /// A skills graph page in the layout. `notice` replaces the one from `?notice=`, which also reads
    /// the skills graph's own keys.
    func skillsPage(_ template: String, _ model: [String: Any], title: String, notice: String? = nil, _ request: Request,
                    _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async -> Response {
        await featurePage(template, model, title: title, notice: notice, notices: SkillsNotices.text, request, context, status: status)
    }

    /// The assessment player's script, under its hashed name.
    var assessmentScript: String { dependencies.assets.url("assessment.js") }
}

/// Confirmations after a redirect, by fixed keys (as `Notices`), so a link cannot put words on the page.
enum SkillsNotices {
    static func text(_ key: String) -> String? {
        [
            "answer-saved": "Your answer is saved.",
            "assessment-resumed": "Your assessment is still running: here it is again, with the answers you saved.",
            "assessment-finished": "The assessment is finished and marked.",
            "leaderboard-saved": "Your leaderboard settings are saved.",
            "review-decided": "The decision is saved and kept in the audit trail.",
            "contact-accepted": "You accepted: the employer now sees your name, email address, headline and location.",
            "contact-declined": "You declined; the employer keeps seeing only your skills and score.",
            "notifications-read": "Every notification is marked read.",
            "mail-saved": "Your mail preference is saved.",
            "company-created": "The company is created, with you as its owner.",
            "company-saved": "The company's details are saved.",
            "invitation-sent": "The invitation is on its way by mail.",
            "invitation-accepted": "You joined the company.",
            "job-created": "The job is saved as a draft. Check its skills, then publish it.",
            "job-saved": "The job is saved.",
            "job-published": "The job is published: it is searchable, and matching looks for candidates.",
            "job-closed": "The job is closed and no longer searchable.",
            "contact-requested": "The contact request is sent. The candidate decides whether you see who they are.",
        ][key]
    }
}

/// How the skills graph's values read on its pages.
enum SkillsText {
    /// An id as one path segment: every character but letters, digits and `-._~` escaped ('#' becomes %23).
    static func segment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: unreserved) ?? id
    }

    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// A path parameter as it was meant: ids with '#' arrive as %23.
    static func parameter(_ name: String, _ context: APIRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        guard let decoded = raw.removingPercentEncoding else {
            throw DomainError.badRequest("The address is not valid percent-encoding.",
                                         fieldErrors: [FieldError(field: name, message: "is not valid percent-encoding")])
        }
        return decoded
    }

    static func employerJobURL(_ id: String) -> String { "/employer/jobs/\(segment(id))" }

    /// A question's id as an HTML id: letters, digits, '-' and '_' kept, everything else '-'.
    static func anchor(_ questionID: String) -> String {
        "question-" + String(questionID.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "-"
        })
    }

    static func levelName(_ level: Int?) -> String {
        guard let level, let name = AssessmentQuestion.levelNames[level] else { return "no level" }
        return "\(name) (\(level))"
    }

    static func kind(_ kind: AssessmentQuestion.Kind) -> String {
        switch kind {
        case .multipleChoice: "choose one"
        case .multipleAnswer: "choose every right answer"
        case .shortAnswer: "short answer"
        case .codeOutput: "what does the code print?"
        case .openAnswer: "open answer"
        }
    }

    static func status(_ status: InterviewSession.Status) -> String {
        switch status {
        case .inProgress: "in progress"
        case .inReview: "in review"
        case .completed: "completed"
        }
    }

    static func signal(_ kind: SessionSignal.Kind) -> String {
        switch kind {
        case .paste: "pasted text"
        case .tabHidden: "switched away from the tab"
        case .windowBlur: "left the window"
        case .copy: "copied text"
        }
    }

    /// 0–1 as a whole percentage.
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))" }

    static func time(_ date: Date) -> String { PublishText.time(date) }

    static func date(_ date: Date) -> String { PostingText.date(date) }

    /// `mm:ss` (or `h:mm:ss`) for a countdown.
    static func countdown(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, rest = seconds % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(two(minutes)):\(two(rest))"
    }

    /// The answer's text, HTML-escaped, with `<mark>` around the evidence spans (Unicode-scalar offsets).
    /// Spans that overlap are merged; spans outside the text are ignored.
    static func marked(_ text: String, spans: [EvidenceSpan]) -> String {
        let scalars = Array(text.unicodeScalars)
        let ranges = spans.filter { $0.start >= 0 && $0.start < $0.end && $0.end <= scalars.count }.map { $0.start..<$0.end }
            .sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        func escaped(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return HTMLText.escape(String(view))
        }
        var html = "", position = 0
        for range in merged {
            html += escaped(position..<range.lowerBound) + "<mark>" + escaped(range) + "</mark>"
            position = range.upperBound
        }
        return html + escaped(position..<scalars.count)
    }

    /// A notification's link, only when it is a path of this site.
    static func localLink(_ link: String?) -> String {
        guard let link, link.hasPrefix("/"), !link.hasPrefix("//"), !link.contains("\\") else { return "" }
        return link
    }

    static func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// A field's error messages joined, from a list of service field errors (items such as `skills[2]` included).
    static func errors(_ fields: [FieldError], _ name: String) -> String { FormErrors(fields).text(name) }
}

/// A plain-text answer for the page's scripts (fetch requests get no page).
enum ScriptAnswer {
    static let header = HTTPField.Name("X-Requested-With")!

    static func isFetch(_ request: Request) -> Bool { request.headers[header] == "fetch" }

    static func text(_ message: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }
}
