import PostgresNIO
import SQLiteKit

/// Whether a failed statement broke a UNIQUE constraint: how a race between two inserts of the
/// same email or name shows up, to be answered as a conflict rather than a server error.
enum UniqueViolation {
    static func matches(_ error: any Error) -> Bool {
        if let error = error as? SQLiteError { return error.reason == .constraintUniqueFailed || error.reason == .constraintPrimaryKeyFailed || error.reason == .constraint }
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] == "23505" }
        return false
    }
}
