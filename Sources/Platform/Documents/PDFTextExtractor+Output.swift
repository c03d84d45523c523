extension PDFTextExtractor {
    /// pdftotext ends every page with a form feed; a damaged file may lose the last one.
    static func pageCount(_ text: String) -> Int? {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        let count = pages.last?.isEmpty == true ? pages.count - 1 : pages.count
        return count > 0 ? count : nil
    }

    /// What to tell the uploader for pdftotext's exit status (1: cannot open the file, 3: its
    /// permissions forbid copying), from the first thing it wrote on standard error.
    static func reason(status: Int32, errors: String) -> String {
        if errors.localizedCaseInsensitiveContains("password") {
            return "the PDF is protected by a password"
        }
        if status == 3 {
            return "the PDF's permissions do not allow copying its text"
        }
        let detail = errors.split(separator: "\n").first.map { " (\($0.prefix(200)))" } ?? ""
        return "it is not a readable PDF\(detail)"
    }
}
