import Foundation
@testable import Platform
import TestPeers
import Testing

@Suite("Reading PDF resumes with pdftotext", .enabled(if: PDFTool.shouldRun, "needs pdftotext (apt-get install poppler-utils; CI installs it, see .ci/run)"))
struct PDFTextExtractorTests {
    let extractor = PDFTextExtractor()

    @Test("a two-page resume: every printed line whole, right-aligned dates after a tab, a blank line between pages, pages counted")
    func resume() async throws {
        let document = try await extractor.text(of: HandmadePDF.document(HandmadePDF.resume))
        #expect(document.kind == .pdf)
        #expect(document.pageCount == 2)
        #expect(document.text == """
            Jane Q. Doe
            jane@example.com | +1 555 0100 | Lisbon, Portugal

            Experience
            Senior Software Engineer, Acme Corp\t2019 – 2024
            • Led the migration of the billing service to Swift on Linux.
            • Cut p99 latency by 40% (from 250 ms to 150 ms).

            Skills
            Swift, PostgreSQL, Kubernetes, résumé parsing

            Education
            BSc Computer Science, University of Porto\t2015
            """)
    }

    @Test("a PDF of images only (a scan) or of empty pages has no text")
    func noText() async throws {
        await #expect(throws: DocumentExtractionError.noText(.pdf)) { try await extractor.text(of: HandmadePDF.document([.image, .image])) }
        await #expect(throws: DocumentExtractionError.noText(.pdf)) { try await extractor.text(of: HandmadePDF.document([.empty])) }
        let error = DocumentExtractionError.noText(.pdf)
        #expect(error.description.contains("scanned image"))
    }

    @Test("a password-protected PDF is corrupt, and says why")
    func passwordProtected() async throws {
        await #expect(throws: DocumentExtractionError.corrupt("the PDF is protected by a password")) {
            try await extractor.text(of: HandmadePDF.document(HandmadePDF.resume, passwordProtected: true))
        }
    }

    @Test("a file that only starts like a PDF is corrupt")
    func corrupt() async throws {
        let error = try await #require(throws: DocumentExtractionError.self) {
            try await extractor.text(of: Data("%PDF-1.4\nthis is not really a PDF\n".utf8))
        }
        guard case .corrupt(let reason) = error else { Issue.record("\(error)"); return }
        #expect(reason.hasPrefix("it is not a readable PDF"), "\(reason)")
    }

    @Test("no temporary files are left behind, whether the PDF reads or not")
    func cleansUp() async throws {
        let directory = Scratch.root.appendingPathComponent("wayfinder-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let extractor = PDFTextExtractor(temporaryDirectory: directory)
        _ = try await extractor.text(of: HandmadePDF.document(HandmadePDF.resume))
        _ = try? await extractor.text(of: Data("%PDF-1.4\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}

@Suite("PDF reading's temporary directories")
struct PDFTemporaryDirectoryTests {
    @Test("a private directory an hour old, left by a killed process, is removed; a recent one and other files are kept")
    func leftoversOfKilledProcessesAreRemoved() throws {
        let files = FileManager.default
        let directory = Scratch.root.appendingPathComponent("wayfinder-tmp-\(UUID().uuidString)")
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: directory) }
        let now = Date()
        for (name, age) in [("wayfinder-pdf-old", 3_700.0), ("wayfinder-pdf-recent", 60.0), ("someone-elses", 90_000.0)] {
            let path = directory.appendingPathComponent(name)
            try files.createDirectory(at: path, withIntermediateDirectories: false)
            try files.setAttributes([.modificationDate: now.addingTimeInterval(-age)], ofItemAtPath: path.path)
        }
        PDFTextExtractor.removeLeftovers(in: directory, now: now)
        #expect(try files.contentsOfDirectory(atPath: directory.path).sorted() == ["someone-elses", "wayfinder-pdf-recent"])
    }
}

@Suite("Running pdftotext: finding it, missing it, stopping it")
struct PDFToolProcessTests {
    @Test("CI has pdftotext: its absence there is a failure, not a skip")
    func presentInCI() {
        if PDFTool.inCI {
            #expect(PDFTool.executable != nil, "CI must install poppler-utils (see .ci/run)")
        }
    }

    @Test("the tool is found on PATH, and not where PATH and the common directories lack it")
    func locates() throws {
        let directory = Scratch.root.appendingPathComponent("wayfinder-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fake = directory.appendingPathComponent("pdftotext")
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        #expect(PDFTextExtractor.locateTool(environment: ["PATH": "/nonexistent:\(directory.path)"]) == fake)
        if PDFTool.executable == nil {
            #expect(PDFTextExtractor.locateTool(environment: ["PATH": "/nonexistent"]) == nil)
        }
    }

    @Test("without pdftotext every PDF is extractorUnavailable, with the package to install")
    func unavailable() async throws {
        let pdf = HandmadePDF.document(HandmadePDF.resume)
        let expected = DocumentExtractionError.extractorUnavailable(tool: "pdftotext", hint: "install poppler-utils (apt-get install poppler-utils)")
        await #expect(throws: expected) { try await PDFTextExtractor(executable: nil).text(of: pdf) }
        await #expect(throws: expected) {
            try await PDFTextExtractor(executable: URL(fileURLWithPath: "/nonexistent/pdftotext")).text(of: pdf)
        }
        #expect(expected.description.contains("apt-get install poppler-utils"))
    }

    @Test("a tool that overruns its time is killed and reported", .timeLimit(.minutes(1)))
    func timesOut() async throws {
        let directory = Scratch.root.appendingPathComponent("wayfinder-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let slow = directory.appendingPathComponent("pdftotext")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: slow)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)

        let started = ContinuousClock.now
        await #expect(throws: DocumentExtractionError.timedOut(tool: "pdftotext", limit: .milliseconds(300))) {
            try await PDFTextExtractor(executable: slow, timeout: .milliseconds(300)).text(of: HandmadePDF.document(HandmadePDF.resume))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
