import Platform

enum RefusingPort {
    /// A port of 127.0.0.1 that refuses connections for as long as the socket stays open: bound, never
    /// listening, so no other test's server can take it meanwhile (a port closed and left free could be).
    static func open() throws -> (port: Int, socket: Int32) {
        try FreePort.reserve()
    }
}
