import Publishing
import Testing

@Suite("Adapting a message to each channel")
struct ChannelAdaptationTests {
    /// Words, sentences, URLs, hashtags, emoji and long unbroken runs, from a seeded generator.
    static func randomText(_ generator: inout SeededGenerator, words: Int) -> String {
        let pieces = ["Swift", "server", "jobs.", "Hiring!", "Kubernetes", "#hiring", "#swift", "@team", "naïve", "café", "🚀", "—",
                      "https://example.com/a/very/long/path/that/goes/on", "\n\n", "ok?", String(repeating: "x", count: 700), "**bold**", "*it*"]
        return (0..<words).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
    }

    @Test("random text never goes over any channel's limit, and the link is always kept whole", arguments: ChannelKind.allCases)
    func neverOverTheLimit(kind: ChannelKind) async {
        var generator = SeededGenerator(seed: UInt64(kind.rawValue.count) * 7_919)
        for round in 0..<300 {
            // Nine cases of this run on every core at once; yielding between rounds lets the other tests
            // of the process run meanwhile instead of waiting for all of them.
            await Task.yield()
            let link = round % 3 == 0 ? nil : "https://wayfinder.example/jobs/\(round)?utm_source=\(kind.rawValue)"
            let title = round % 2 == 0 ? "Title \(round)" : nil
            let content = MessageContent(title: title, body: Self.randomText(&generator, words: Int(generator.next() % 400)), link: link)
            let adapted = ChannelAdaptation.adapt(content, for: kind)
            #expect(adapted.length <= adapted.limit, "\(kind) round \(round): \(adapted.length) > \(adapted.limit)")
            #expect(adapted.length == ChannelStyle.of(kind).length(of: adapted.text))
            if let link, ChannelStyle.of(kind).linkInText {
                #expect(adapted.text.contains(link), "\(kind) round \(round) lost the link")
            }
        }
    }

    @Test("a long body is cut at the end of a sentence, without an ellipsis, when that keeps enough")
    func cutsAtSentence() {
        let body = String(repeating: "Wayfinder helps people find work. ", count: 30)
        let adapted = ChannelAdaptation.adapt(MessageContent(body: body, link: "https://wayfinder.example"), for: .mastodon)
        #expect(adapted.shortened && adapted.length <= 500)
        #expect(adapted.text.hasSuffix("find work.\n\nhttps://wayfinder.example"))
    }

    @Test("without a sentence end in reach the cut is at a word, with an ellipsis")
    func cutsAtWord() {
        let body = String(repeating: "word ", count: 600)
        let adapted = ChannelAdaptation.adapt(MessageContent(body: body), for: .mastodon)
        #expect(adapted.text.hasSuffix("word…") && adapted.length <= 500)
    }

    @Test("Mastodon counts a URL as 23 characters however long it is")
    func mastodonURLWeight() {
        let link = "https://wayfinder.example/" + String(repeating: "a", count: 200)
        let adapted = ChannelAdaptation.adapt(MessageContent(body: "New role", link: link), for: .mastodon)
        #expect(adapted.length == "New role\n\n".count + 23 && !adapted.shortened)
    }

    @Test("markup per network: Slack escapes and bolds its way, Discord keeps Markdown, plain text loses it")
    func markup() {
        let content = MessageContent(title: "News", body: "We **ship** <today> & *tomorrow*")
        #expect(ChannelAdaptation.adapt(content, for: .slack).text == "*News*\n\nWe *ship* &lt;today&gt; &amp; *tomorrow*")
        #expect(ChannelAdaptation.adapt(content, for: .discord).text == "**News**\n\nWe **ship** <today> & *tomorrow*")
        #expect(ChannelAdaptation.adapt(content, for: .mastodon).text == "News\n\nWe ship <today> & tomorrow")
    }

    @Test("LinkedIn escapes its reserved characters and turns hashtags into its hashtag template")
    func linkedIn() {
        let adapted = ChannelAdaptation.adapt(MessageContent(body: "Certified (AWS) #cloud, thanks @ana https://x.example/a_b"), for: .linkedin)
        #expect(adapted.text == ##"Certified \(AWS\) {hashtag|\#|cloud}, thanks \@ana https://x.example/a_b"##)
    }

    @Test("a closing line of hashtags is dropped where hashtags mean nothing, kept where they do")
    func hashtags() {
        let content = MessageContent(body: "We are hiring.\n\n#jobs #swift")
        #expect(ChannelAdaptation.adapt(content, for: .sms).text == "We are hiring.")
        #expect(ChannelAdaptation.adapt(content, for: .mastodon).text == "We are hiring.\n\n#jobs #swift")
    }

    @Test("Instagram keeps at most 30 hashtags")
    func instagramHashtags() {
        let body = (1...40).map { "#tag\($0)" }.joined(separator: " ")
        let adapted = ChannelAdaptation.adapt(MessageContent(body: body), for: .instagram)
        #expect(adapted.text.matches(of: /#\w+/).count == 30)
    }

    @Test("SMS segments: 160 GSM characters in one, 153 per part beyond; 70 UCS-2 in one, 67 beyond")
    func segments() {
        #expect(SMSSegments.count(String(repeating: "a", count: 160)) == 1)
        #expect(SMSSegments.count(String(repeating: "a", count: 161)) == 2)
        #expect(SMSSegments.count(String(repeating: "a", count: 306)) == 2)
        #expect(SMSSegments.count(String(repeating: "€", count: 80)) == 1)
        #expect(SMSSegments.count(String(repeating: "é", count: 70) + "🚀") == 2)
        #expect(SMSSegments.count(String(repeating: "ж", count: 70)) == 1)
        #expect(SMSSegments.count(String(repeating: "ж", count: 71)) == 2)
    }
}

/// SplitMix64: the same sequence for the same seed, so a failing round can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
