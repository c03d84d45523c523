import Platform
import Testing

@Suite("Blob keys")
struct BlobKeyTests {
    @Test("ordinary keys are accepted and split into segments")
    func accepted() throws {
        #expect(try BlobKey.validate("resumes/42/original.pdf") == ["resumes", "42", "original.pdf"])
        #expect(try BlobKey.validate("exports/user 7/Zoë's export (2).zip").count == 3)
        #expect(try BlobKey.validate("a..b/c.d.e").count == 2, "dots inside a name are fine")
    }

    @Test("keys that could leave the store's folder or confuse it are refused", arguments: [
        "", "..", ".", "../secret", "a/../../etc/passwd", "a/./b", "/etc/passwd", "a/", "a//b",
        ".hidden", "a/.tmp", "a\\..\\b", "a\u{0}b", "line\nbreak",
    ])
    func refused(key: String) {
        #expect(throws: BlobStoreError.self) { try BlobKey.validate(key) }
    }

    @Test("keys and segments beyond the length limits are refused")
    func lengths() throws {
        try BlobKey.validate(String(repeating: "a", count: 255))
        #expect(throws: BlobStoreError.self) { try BlobKey.validate(String(repeating: "a", count: 256)) }
        let longest = Array(repeating: String(repeating: "b", count: 100), count: 10).joined(separator: "/") + "/" + String(repeating: "c", count: 14)
        #expect(longest.utf8.count == 1024)
        try BlobKey.validate(longest)
        #expect(throws: BlobStoreError.self) { try BlobKey.validate(longest + "c") }
    }

    @Test("the error says which key and why")
    func message() {
        #expect(throws: BlobStoreError.invalidKey("../x", reason: "a segment starts with \".\"")) { try BlobKey.validate("../x") }
    }
}
