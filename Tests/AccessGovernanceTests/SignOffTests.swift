@testable import AccessGovernance
import Testing

@Suite("Sign-offs")
struct SignOffTests {
    private func signOff(_ text: String) -> String? {
        SignOff.start(in: text).map { String(text[$0...]) }
    }

    @Test("the longest closing phrase is read whole: 'Thanks so much,' is a closing, not 'Thanks' and a name")
    func longestClosingFirst() {
        #expect(signOff("I need Workday HR Analyst.\nThanks so much,\nPriya Shah\nPayroll") == "Thanks so much,\nPriya Shah\nPayroll")
        #expect(signOff("I need Workday HR Analyst.\nThanks, Priya") == "Thanks, Priya")
    }

    @Test("a closing followed by a request is not a sign-off")
    func closingThatAsks() {
        #expect(signOff("Hello\nThanks, Dana needs Workday") == nil)
    }
}
