@testable import AccessGovernance
import Foundation
import Platform
import Testing

/// A model that answers what it was given, to check what the proposal keeps of an answer.
struct CannedLanguageModel: LanguageModel {
    let answer: String
    func complete(system: String, prompt: String, maxTokens: Int) async throws -> String { answer }
}

@Suite("Policy rules proposed by a language model")
struct PolicyRuleProposalTests {
    static let policy = AccessPolicy(policyID: "P", title: "Finance systems", text: "Contractors never approve payables.")

    @Test("a rule in the answer, even wrapped in prose, is proposed when it names only the directory's roles")
    func wrapped() async {
        let answer = #"Here it is: {"effect": "deny", "roles": ["ns-ap-approver"], "allow_if": {"user_employment_type_not_in": ["contractor"]}} Hope this helps."#
        let rule = await PolicyRuleProposal(model: CannedLanguageModel(answer: answer)).propose(for: Self.policy, snapshot: DirectoryFixture.snapshot)
        #expect(rule?.roles == ["ns-ap-approver"] && rule?.allowIf?.userEmploymentTypeNotIn == [.contractor])
    }

    @Test("an invented role, a malformed answer, an empty one or no model propose nothing")
    func refused() async {
        for answer in [#"{"effect": "deny", "roles": ["made-up-role"]}"#, "I think contractors should not.", "{}", #"{"effect": "allow", "all_roles": true}"#] {
            #expect(await PolicyRuleProposal(model: CannedLanguageModel(answer: answer)).propose(for: Self.policy, snapshot: DirectoryFixture.snapshot) == nil)
        }
        #expect(await PolicyRuleProposal(model: nil).propose(for: Self.policy, snapshot: DirectoryFixture.snapshot) == nil)
    }
}
