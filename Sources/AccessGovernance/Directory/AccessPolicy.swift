/// A written policy; with a `rule` it is enforced on every request, without one it is knowledge only
/// (quoted as evidence when it bears on a request).
public struct AccessPolicy: Codable, Sendable, Equatable {
    public var policyID: String
    public var title: String
    public var text: String
    public var rule: PolicyRule?

    public init(policyID: String, title: String, text: String, rule: PolicyRule? = nil) {
        self.policyID = policyID
        self.title = title
        self.text = text
        self.rule = rule
    }

    enum CodingKeys: String, CodingKey { case policyID = "policy_id", title, text, rule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        policyID = try container.decode(String.self, forKey: .policyID)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        rule = try container.decodeIfPresent(PolicyRule.self, forKey: .rule)
    }
}
