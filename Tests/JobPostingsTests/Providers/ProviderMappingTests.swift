import Domain
import Foundation
@testable import JobPostings
import Testing

@Suite("Provider field mapping")
struct ProviderMappingTests {
    @Test("remote is a word of its own, in any case")
    func remoteWord() {
        #expect(ProviderMapping.mentionsRemote("Remote - US"))
        #expect(ProviderMapping.mentionsRemote("London or REMOTE"))
        #expect(ProviderMapping.mentionsRemote("US (remote)"))
        #expect(!ProviderMapping.mentionsRemote("Remoteville, TX"))
        #expect(!ProviderMapping.mentionsRemote(nil))
    }

    @Test("provider spellings of employment types", arguments: [
        ("FullTime", "full_time"), ("PartTime", "part_time"), ("Intern", "internship"), ("Contract", "contract"),
        ("Temporary", "temporary"), ("Full-time", "full_time"), ("fulltime", "full_time"), ("Part Time", "part_time"),
    ])
    func employmentTypes(text: String, expected: String) {
        #expect(ProviderMapping.employmentType(text) == expected)
    }

    @Test("Greenhouse escapes its HTML once more; one unescaping restores it")
    func greenhouseContent() {
        #expect(HTMLText.decodeEntities("&lt;p&gt;R&amp;amp;D &amp;quot;lab&amp;quot; &#39;26&lt;/p&gt;") == "<p>R&amp;D &quot;lab&quot; '26</p>")
    }
}
