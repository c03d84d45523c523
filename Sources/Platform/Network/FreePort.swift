import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback port no one listens on now: the kernel's choice for a socket bound to port 0. For
/// starting a child process (a `serve`, a test's mail server) on a port it then takes itself.
public enum FreePort {
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    public static func find() throws -> Int {
        let (port, socket) = try reserve()
        close(socket)
        return port
    }

    /// A loopback socket bound to a port of the kernel's choice and not listening: the port refuses
    /// connections, and no one else can take it, until the caller closes the socket.
    public static func reserve() throws -> (port: Int, socket: Int32) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Unavailable(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else {
            let failure = errno
            close(socket)
            throw Unavailable(description: "cannot find a free port: errno \(failure)")
        }
        return (Int(UInt16(bigEndian: address.sin_port)), socket)
    }
}
