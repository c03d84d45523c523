/// How a network takes text: its length limit and how it counts, what markup it reads, how it wants
/// links, hashtags and a title. The numbers are the networks' documented limits.
public struct ChannelStyle: Sendable, Equatable {
    public enum Markup: String, Sendable {
        /// Plain text; Markdown emphasis is taken out.
        case plain
        /// Slack's mrkdwn: `*bold*`, `<url|text>`, and `&`, `<`, `>` escaped.
        case slack
        /// Discord's Markdown: `**bold**`.
        case markdown
        /// LinkedIn's "little text format": reserved characters escaped with a backslash.
        case linkedin
    }

    /// The most characters (as `countsURLsAs` counts them) a version may hold.
    public var limit: Int
    public var markup: Markup
    /// Mastodon counts every URL as 23 characters, whatever its length.
    public var countsURLsAs: Int?
    /// Whether the title goes in front of the body (networks without a subject line).
    public var titleInText: Bool
    /// Whether the link is sent beside the text (Facebook's `link`, email's own line) rather than inside it.
    public var linkInText: Bool
    /// Hashtags the network reads; where it does not, a trailing line of only hashtags is dropped.
    public var readsHashtags: Bool
    /// At most this many hashtags (Instagram allows 30).
    public var maximumHashtags: Int?

    public static func of(_ kind: ChannelKind) -> ChannelStyle {
        switch kind {
        case .email: ChannelStyle(limit: 100_000, markup: .plain, titleInText: false, linkInText: true, readsHashtags: false)
        case .webhook: ChannelStyle(limit: 65_536, markup: .plain, titleInText: false, linkInText: false, readsHashtags: true)
        // Slack truncates past 40,000 characters and advises at most 4,000.
        case .slack: ChannelStyle(limit: 4_000, markup: .slack, titleInText: true, linkInText: true, readsHashtags: false)
        case .discord: ChannelStyle(limit: 2_000, markup: .markdown, titleInText: true, linkInText: true, readsHashtags: false)
        case .mastodon: ChannelStyle(limit: 500, markup: .plain, countsURLsAs: 23, titleInText: true, linkInText: true, readsHashtags: true)
        case .linkedin: ChannelStyle(limit: 3_000, markup: .linkedin, titleInText: true, linkInText: true, readsHashtags: true)
        case .facebook: ChannelStyle(limit: 63_206, markup: .plain, titleInText: true, linkInText: false, readsHashtags: true)
        // Links in captions are not clickable, but still worth reading.
        case .instagram: ChannelStyle(limit: 2_200, markup: .plain, titleInText: true, linkInText: true, readsHashtags: true, maximumHashtags: 30)
        // Twilio accepts up to 1,600 characters, sent as several segments.
        case .sms: ChannelStyle(limit: 1_600, markup: .plain, titleInText: true, linkInText: true, readsHashtags: false)
        }
    }

    init(limit: Int, markup: Markup, countsURLsAs: Int? = nil, titleInText: Bool, linkInText: Bool, readsHashtags: Bool,
         maximumHashtags: Int? = nil) {
        self.limit = limit
        self.markup = markup
        self.countsURLsAs = countsURLsAs
        self.titleInText = titleInText
        self.linkInText = linkInText
        self.readsHashtags = readsHashtags
        self.maximumHashtags = maximumHashtags
    }

    /// The length of `text` as this network counts it.
    public func length(of text: String) -> Int {
        guard let urlWeight = countsURLsAs else { return text.count }
        var total = text.count
        for url in text.matches(of: /https?:\/\/\S+/) { total += urlWeight - url.output.count }
        return total
    }
}
