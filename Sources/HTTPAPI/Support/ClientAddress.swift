import Foundation
import NIOCore

/// Which peer addresses are proxies whose `X-Forwarded-For` is believed: behind a load balancer
/// every request arrives from the balancer, and limits per address must apply to the real client.
public struct TrustedProxies: Sendable {
    private let networks: [(address: [UInt8], prefixLength: Int)]

    /// Entries are addresses or CIDR blocks (`10.0.0.0/8`, `::1`, `fd00::/8`); invalid ones are reported.
    public init(_ entries: [String]) throws {
        var networks: [(address: [UInt8], prefixLength: Int)] = []
        for entry in entries.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1)
            guard let bytes = Self.bytes(of: String(parts[0])) else { throw TrustedProxyError(entry: entry) }
            let length = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let length, (0...bytes.count * 8).contains(length) else { throw TrustedProxyError(entry: entry) }
            networks.append((bytes, length))
        }
        self.networks = networks
    }

    public static let none = try! TrustedProxies([])

    func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address) else { return false }
        return networks.contains { network in
            guard network.address.count == bytes.count else { return false }
            var remaining = network.prefixLength
            for index in 0..<bytes.count where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if bytes[index] & mask != network.address[index] & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    /// The client of a request: walking `X-Forwarded-For` from the right, the first address that is
    /// not a trusted proxy (a client can prepend anything, but not what the proxies appended).
    func client(peer: String?, forwardedFor: String?) -> String? {
        guard let peer, contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !contains(hop) { return hop }
        return hops.first ?? peer
    }

    private static func bytes(of address: String) -> [UInt8]? {
        if let v4 = try? SocketAddress(ipAddress: address, port: 0), case .v4(let ip) = v4 {
            return withUnsafeBytes(of: ip.address.sin_addr.s_addr) { Array($0) }
        }
        if let v6 = try? SocketAddress(ipAddress: address, port: 0), case .v6(let ip) = v6 {
            return withUnsafeBytes(of: ip.address.sin6_addr) { Array($0) }
        }
        return nil
    }
}

public struct TrustedProxyError: Error, CustomStringConvertible {
    public var entry: String
    public var description: String { "'\(entry)' is not an IP address or CIDR block" }
}
