import AccessGovernance
import Storage

extension AppServices {
    /// The access audit log kept in this database.
    public var auditLog: any AuditLog { SQLAuditLog(store: store, clock: clock) }
}
