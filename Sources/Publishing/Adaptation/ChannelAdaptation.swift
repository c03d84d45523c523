/// Derives each channel's version of a message by fixed rules, so the same message always gives the same
/// versions and a person can see every one before it goes out:
///
/// 1. Markup as the network reads it (see `ChannelStyle.Markup`); Markdown emphasis is taken out elsewhere.
/// 2. Hashtags: kept where the network reads them (as LinkedIn's hashtag template there, at most 30 on
///    Instagram); elsewhere a closing line of nothing but hashtags is dropped.
/// 3. Tone: Slack and Discord show the title in bold; SMS loses blank lines.
/// 4. Length: only the body is shortened, at a sentence or a word, so the title and the link are kept;
///    when even they do not fit, the title goes first, and the link is never cut.
public enum ChannelAdaptation {
    public static func adapt(_ content: MessageContent, for kind: ChannelKind) -> AdaptedText {
        let style = ChannelStyle.of(kind)
        var body = HashtagRules.apply(to: content.body.trimmingCharacters(in: .whitespacesAndNewlines), style: style)
        if kind == .sms { body = body.replacing(/\n[ \t]*\n+/, with: "\n") }
        body = MarkupRules.render(body, as: style.markup)
        let title = content.title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let titleLine = style.titleInText ? title.map { MarkupRules.title($0, as: style.markup) } : nil
        let link = style.linkInText ? content.link.flatMap { $0.isEmpty ? nil : $0 } : nil
        let text = fit(titleLine: titleLine, body: body, link: link, style: style)
        return AdaptedText(text: text.value, length: style.length(of: text.value), limit: style.limit, shortened: text.shortened,
                           segments: kind == .sms ? SMSSegments.count(text.value) : nil)
    }

    /// Checks a person's own version: it is sent as written, but never over the network's limit.
    public static func check(override text: String, for kind: ChannelKind) -> AdaptedText {
        let style = ChannelStyle.of(kind)
        return AdaptedText(text: text, length: style.length(of: text), limit: style.limit, shortened: false,
                           segments: kind == .sms ? SMSSegments.count(text) : nil)
    }

    static func fit(titleLine: String?, body: String, link: String?, style: ChannelStyle) -> (value: String, shortened: Bool) {
        func join(_ title: String?, _ body: String, _ link: String?) -> String {
            [title, body.isEmpty ? nil : body, link].compactMap { $0 }.joined(separator: "\n\n")
        }
        let whole = join(titleLine, body, link)
        if style.length(of: whole) <= style.limit { return (whole, false) }
        for title in titleLine == nil ? [nil] : [titleLine, nil] {
            let separators = [title, link].compactMap { $0 }.count * 2
            let budget = style.limit - style.length(of: join(title, "", link)) - separators
            guard budget >= 2 else { continue }
            let candidate = join(title, TextCut.fit(body, budget: budget, length: style.length(of:)), link)
            if style.length(of: candidate) <= style.limit { return (candidate, true) }
        }
        // No room for any body: the link alone (links are at most 1,000 characters, under every limit).
        return (link ?? TextCut.fit(body, budget: style.limit, length: style.length(of:)), true)
    }
}
