import SQLKit

/// The access audit log: one row per entry of the hash chain (see `AccessGovernance.AuditChain`), and
/// triggers that refuse to change or remove a row once written. The triggers stop an application bug or a
/// stray statement; someone allowed to drop them can still edit rows, and then the chain names the entry.
struct CreateAccessAudit: Migration {
    let version = 13
    let name = "create_access_audit"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("""
            CREATE TABLE access_audit (
                sequence \(unsafeRaw: dialect.bigInteger) PRIMARY KEY,
                at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                action \(unsafeRaw: dialect.text) NOT NULL,
                actor \(unsafeRaw: dialect.text) NOT NULL,
                subject \(unsafeRaw: dialect.text) NOT NULL,
                details \(unsafeRaw: dialect.text) NOT NULL,
                previous_hash \(unsafeRaw: dialect.text) NOT NULL,
                content_hash \(unsafeRaw: dialect.text) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX access_audit_by_action ON access_audit (action, sequence)").run()
        try await database.raw("CREATE INDEX access_audit_by_actor ON access_audit (actor, sequence)").run()
        try await database.raw("CREATE INDEX access_audit_by_subject ON access_audit (subject, sequence)").run()
        try await database.raw("CREATE INDEX access_audit_by_time ON access_audit (at)").run()
        if dialect.name == PostgreSQLDialect().name {
            try await refuseChangesOnPostgreSQL(database)
        } else {
            try await refuseChangesOnSQLite(database)
        }
    }

    private func refuseChangesOnSQLite(_ database: any SQLDatabase) async throws {
        for (trigger, event) in [("access_audit_no_update", "UPDATE"), ("access_audit_no_delete", "DELETE")] {
            try await database.raw("""
                CREATE TRIGGER \(unsafeRaw: trigger) BEFORE \(unsafeRaw: event) ON access_audit
                BEGIN SELECT RAISE(ABORT, 'access_audit is append-only'); END
                """).run()
        }
    }

    /// Row triggers for UPDATE and DELETE; TRUNCATE fires no row trigger, so a statement trigger refuses it.
    private func refuseChangesOnPostgreSQL(_ database: any SQLDatabase) async throws {
        try await database.raw("""
            CREATE FUNCTION access_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'access_audit is append-only' USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """).run()
        for (trigger, event, level) in [
            ("access_audit_no_update", "UPDATE", "ROW"), ("access_audit_no_delete", "DELETE", "ROW"),
            ("access_audit_no_truncate", "TRUNCATE", "STATEMENT"),
        ] {
            try await database.raw("""
                CREATE TRIGGER \(unsafeRaw: trigger) BEFORE \(unsafeRaw: event) ON access_audit
                FOR EACH \(unsafeRaw: level) EXECUTE FUNCTION access_audit_refuse_change()
                """).run()
        }
    }
}
