import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum RefusingPort {
    /// A port of 127.0.0.1 that refuses connections for as long as the socket stays open: bound, never
    /// listening, so no other test's server can take it meanwhile (a port closed and left free could be).
    static func open() throws -> (port: Int, socket: Int32) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard socket >= 0, bound else { throw CocoaError(.fileWriteUnknown) }
        return (Int(UInt16(bigEndian: address.sin_port)), socket)
    }
}
