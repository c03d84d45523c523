/// A request read and checked: everything the answer says except what storage and approval add.
public struct AccessAssessment: Sendable, Equatable {
    public var reading: RequestReading
    public var checks: AccessChecks.Outcome

    /// Reads `text` as `requester` asks it and runs every check.
    public init(text: String, requester: DirectoryUser?, snapshot: DirectorySnapshot, prior: AccessEntities = AccessEntities()) {
        reading = RequestReader(snapshot: snapshot).read(text, requester: requester, prior: prior)
        checks = AccessChecks(snapshot: snapshot).evaluate(reading, requester: requester)
    }
}
