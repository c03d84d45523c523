import CareerAgent
import Foundation

/// `/resumes`: the user's resumes and the upload form.
struct ResumeListPage {
    struct Row {
        var url: String
        var fileName: String
        var uploaded: String
        var isPrimary: Bool
        var skillCount: Int
        var primaryAction: String
        var deleteAction: String
    }

    var rows: [Row]
    var hasRows: Bool
    var csrf: String
    var error: String?

    init(resumes: [Resume], csrf: String, error: String?) {
        rows = resumes.map { resume in
            Row(url: "/resumes/\(resume.id)", fileName: resume.fileName, uploaded: PostingText.date(resume.createdAt),
                isPrimary: resume.isPrimary, skillCount: resume.parsed.skills.count,
                primaryAction: "/resumes/\(resume.id)/primary", deleteAction: "/resumes/\(resume.id)/delete")
        }
        hasRows = !rows.isEmpty
        self.csrf = csrf
        self.error = error
    }
}

/// `/resumes/{id}`: what was read, the analysis, and the text with the quoted evidence marked.
struct ResumeAnalysisPage {
    struct Part {
        var name: String
        var score: Int
        var weight: Int
        var evidence: String
    }

    struct Item {
        var text: String
        var quote: String?
    }

    var id: String
    var fileName: String
    var fileURL: String
    var name: String?
    var email: String?
    var years: String
    var skills: [String]
    var hasSkills: Bool
    var score: Int
    var gaugeSVG: String
    var parts: [Part]
    var strengths: [Item]
    var weaknesses: [Item]
    var suggestions: [Item]
    var textHTML: String
    var role: String
    var job: String
    var target: String?
    var csrf: String
    var error: String?

    init(resume: Resume, analysis: ResumeAnalysis?, role: String, job: String, csrf: String, error: String?) {
        id = resume.id
        fileName = resume.fileName
        fileURL = "/resumes/\(resume.id)/file"
        name = resume.parsed.contact.name
        email = resume.parsed.contact.email
        years = String(format: "%.1f", resume.parsed.totalYearsOfExperience)
        skills = resume.parsed.skills.map(\.concept.name)
        hasSkills = !skills.isEmpty
        score = analysis?.atsScore ?? 0
        gaugeSVG = SVGCharts.gauge(score, label: "Resume score \(score) out of 100")
        parts = (analysis?.components ?? []).map {
            Part(name: $0.name.capitalizedFirst, score: $0.score, weight: $0.weight, evidence: $0.evidence.joined(separator: "; "))
        }
        func items(_ findings: [Finding]) -> [Item] { findings.map { Item(text: $0.text, quote: $0.quote?.text) } }
        strengths = items(analysis?.strengths ?? [])
        weaknesses = items(analysis?.weaknesses ?? [])
        suggestions = items(analysis?.suggestions ?? [])
        textHTML = Self.marked(resume.text, good: analysis?.strengths ?? [], weak: (analysis?.weaknesses ?? []) + (analysis?.suggestions ?? []))
        self.role = role
        self.job = job
        target = analysis?.targetSkills.isEmpty == false ? analysis?.targetSkills.joined(separator: ", ") : nil
        self.csrf = csrf
        self.error = error
    }

    /// The resume's text, escaped, with each quoted span in a `<mark>` (weak spans marked apart).
    static func marked(_ text: String, good: [Finding], weak: [Finding]) -> String {
        let scalars = Array(text.unicodeScalars)
        var marks: [(start: Int, end: Int, weak: Bool)] = []
        for (finding, isWeak) in good.map({ ($0, false) }) + weak.map({ ($0, true) }) {
            guard let quote = finding.quote, quote.start < quote.end, quote.end <= scalars.count else { continue }
            if marks.contains(where: { $0.start < quote.end && quote.start < $0.end }) { continue }
            marks.append((quote.start, quote.end, isWeak))
        }
        marks.sort { $0.start < $1.start }
        var html = ""
        var position = 0
        func escaped(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return SVGCharts.escape(String(view))
        }
        for mark in marks {
            html += escaped(position..<mark.start)
            html += "<mark\(mark.weak ? " class=\"weak\"" : "")>" + escaped(mark.start..<mark.end) + "</mark>"
            position = mark.end
        }
        return html + escaped(position..<scalars.count)
    }
}
