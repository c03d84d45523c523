/// What a person writes once: the parts every channel's version is derived from.
public struct MessageContent: Sendable, Equatable {
    public var title: String?
    public var body: String
    public var link: String?

    public init(title: String? = nil, body: String, link: String? = nil) {
        self.title = title
        self.body = body
        self.link = link
    }
}

/// One channel's version of a message, with what the rules did to it.
public struct AdaptedText: Sendable, Equatable {
    public var text: String
    /// The length as the network counts it, and its limit.
    public var length: Int
    public var limit: Int
    /// True when the body was shortened to fit.
    public var shortened: Bool
    /// SMS only: how many segments the text is sent as.
    public var segments: Int?
}
