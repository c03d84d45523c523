import Foundation

/// Charts drawn on the server as SVG, readable without JavaScript; each carries a title and a
/// description for screen readers, and the page shows the same figures as text beside it.
enum SVGCharts {
    /// A half-ring gauge for a 0–100 score.
    static func gauge(_ value: Int, label: String) -> String {
        let clamped = Double(max(0, min(100, value)))
        let angle = Double.pi * (1 - clamped / 100)
        let x = 60 + 50 * cos(angle), y = 60 - 50 * sin(angle)
        let large = 0
        return """
        <svg class="gauge" viewBox="0 0 120 70" role="img" aria-label="\(escape(label))"><title>\(escape(label))</title>\
        <path d="M10 60 A50 50 0 0 1 110 60" fill="none" stroke="#d0d7de" stroke-width="10"/>\
        <path d="M10 60 A50 50 0 \(large) 1 \(format(x)) \(format(y))" fill="none" stroke="#1a7f37" stroke-width="10"/>\
        <text x="60" y="58" text-anchor="middle" font-size="20" fill="#1f2328">\(value)</text></svg>
        """
    }

    /// Vertical bars, one per labelled value (weekly postings).
    static func bars(_ values: [(label: String, value: Int)], title: String) -> String {
        let width = 40 * max(values.count, 1), height = 140
        let top = max(values.map(\.value).max() ?? 0, 1)
        var body = ""
        for (index, item) in values.enumerated() {
            let barHeight = Double(item.value) / Double(top) * 100
            let x = index * 40 + 8
            body += "<rect x=\"\(x)\" y=\"\(format(110 - barHeight))\" width=\"24\" height=\"\(format(barHeight))\" fill=\"#0969da\">"
                + "<title>\(escape(item.label)): \(item.value)</title></rect>"
                + "<text x=\"\(x + 12)\" y=\"\(format(105 - barHeight))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1f2328\">\(item.value)</text>"
                + "<text x=\"\(x + 12)\" y=\"126\" text-anchor=\"middle\" font-size=\"9\" fill=\"#57606a\">\(escape(item.label))</text>"
        }
        return "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>\(body)</svg>"
    }

    /// Horizontal bars with names (top skills, top companies), longest first.
    static func horizontalBars(_ values: [(label: String, value: Int)], title: String) -> String {
        let height = 22 * max(values.count, 1)
        let top = max(values.map(\.value).max() ?? 0, 1)
        var body = ""
        for (index, item) in values.enumerated() {
            let y = index * 22
            let length = Double(item.value) / Double(top) * 180
            body += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\" fill=\"#1f2328\">\(escape(String(item.label.prefix(24))))</text>"
                + "<rect x=\"170\" y=\"\(y + 4)\" width=\"\(format(length))\" height=\"14\" fill=\"#8250df\"><title>\(escape(item.label)): \(item.value)</title></rect>"
                + "<text x=\"\(format(176 + length))\" y=\"\(y + 15)\" font-size=\"11\" fill=\"#57606a\">\(item.value)</text>"
        }
        return "<svg class=\"chart\" viewBox=\"0 0 420 \(height)\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>\(body)</svg>"
    }

    /// A box-and-whisker row for salary percentiles p10–p90.
    static func salaryRange(p10: Int, p25: Int, p50: Int, p75: Int, p90: Int, currency: String) -> String {
        let low = Double(p10), high = Double(max(p90, p10 + 1))
        func x(_ value: Int) -> String { format(10 + (Double(value) - low) / (high - low) * 380) }
        let title = "\(currency) yearly salary: 10th percentile \(p10), 25th \(p25), median \(p50), 75th \(p75), 90th \(p90)"
        return """
        <svg class="chart" viewBox="0 0 400 50" role="img" aria-label="\(escape(title))"><title>\(escape(title))</title>\
        <line x1="\(x(p10))" y1="20" x2="\(x(p90))" y2="20" stroke="#57606a" stroke-width="2"/>\
        <rect x="\(x(p25))" y="10" width="\(format(Double(x(p75))! - Double(x(p25))!))" height="20" fill="#ddf4ff" stroke="#0969da"/>\
        <line x1="\(x(p50))" y1="8" x2="\(x(p50))" y2="32" stroke="#0969da" stroke-width="3"/>\
        <text x="\(x(p10))" y="46" font-size="10" text-anchor="start" fill="#57606a">\(p10)</text>\
        <text x="\(x(p50))" y="46" font-size="10" text-anchor="middle" fill="#1f2328">\(p50)</text>\
        <text x="\(x(p90))" y="46" font-size="10" text-anchor="end" fill="#57606a">\(p90)</text></svg>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
