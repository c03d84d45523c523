import Foundation
import Platform

/// Whether the tests that run pdftotext can run here.
enum PDFTool {
    static let executable = PDFTextExtractor.locateTool()

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// They run where poppler-utils is installed, and always in CI, where its absence is a failure.
    static var shouldRun: Bool { executable != nil || inCI }
}
