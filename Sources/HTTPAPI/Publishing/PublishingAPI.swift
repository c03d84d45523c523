import Publishing

/// What the publisher's routes need.
public struct PublishingAPI: Sendable {
    public let channels: ChannelService
    public let messages: MessageService
    public let media: MediaService
    public let certifications: CertificationService
    public let maximumMediaBytes: Int

    public init(channels: ChannelService, messages: MessageService, media: MediaService, certifications: CertificationService, maximumMediaBytes: Int) {
        self.maximumMediaBytes = maximumMediaBytes
        self.channels = channels
        self.messages = messages
        self.media = media
        self.certifications = certifications
    }
}
