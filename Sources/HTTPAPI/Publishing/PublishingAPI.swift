import Publishing

/// What the publisher's routes need.
public struct PublishingAPI: Sendable {
    public let channels: ChannelService
    public let messages: MessageService
    public let media: MediaService
    public let certifications: CertificationService
    public let maximumMediaBytes: Int
    /// The optional language model's rewrites, held to the rules.
    public let rewriter: MessageRewriter

    public init(channels: ChannelService, messages: MessageService, media: MediaService, certifications: CertificationService, maximumMediaBytes: Int,
                rewriter: MessageRewriter = MessageRewriter(model: nil)) {
        self.rewriter = rewriter
        self.maximumMediaBytes = maximumMediaBytes
        self.channels = channels
        self.messages = messages
        self.media = media
        self.certifications = certifications
    }
}
