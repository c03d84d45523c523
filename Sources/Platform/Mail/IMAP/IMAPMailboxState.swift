import Foundation

/// How far a folder has been read: the folder's UIDVALIDITY and the highest UID handed over.
///
/// UIDs grow within one UIDVALIDITY and are never reused, so the pair is all it takes to ask for
/// exactly the messages not seen yet. When the server changes UIDVALIDITY (the folder was recreated
/// or rebuilt), the old UIDs mean nothing and everything is read again.
public struct IMAPMailboxState: Codable, Sendable, Equatable {
    public var uidValidity: UInt32
    public var lastUID: UInt32

    public init(uidValidity: UInt32, lastUID: UInt32) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
    }
}

/// One message as the server stores it: its UID in the folder and its full RFC 5322 bytes, unchanged.
public struct IMAPFetchedMessage: Sendable, Equatable {
    public var uid: UInt32
    public var raw: Data

    public init(uid: UInt32, raw: Data) {
        self.uid = uid
        self.raw = raw
    }
}
