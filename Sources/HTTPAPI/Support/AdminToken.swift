import Domain
import HTTPTypes

/// The administrator's bearer token from configuration; until accounts exist, it guards writes.
public struct AdminToken: Sendable {
    private let token: String?

    public init(_ token: String?) {
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Throws 403 when writes are disabled (no token configured) and 401 when the header is wrong.
    func authorize(_ header: String?) throws {
        guard let token else {
            throw DomainError.forbidden("Administration is disabled: the server has no admin token configured (WAYFINDER_ADMIN_TOKEN).")
        }
        guard let header, header.hasPrefix("Bearer ") else {
            throw DomainError.unauthorized("Send the admin token as 'Authorization: Bearer <token>'.")
        }
        guard Self.constantTimeEquals(Array(header.dropFirst(7).utf8), Array(token.utf8)) else {
            throw DomainError.unauthorized("The bearer token is not valid.")
        }
    }

    /// Compares without an early exit, so timing does not reveal how much of a guess was right.
    private static func constantTimeEquals(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
