import SQLKit

/// Access governance: the directory (users, applications, roles, assignments, policies) with one
/// revision every process compares its snapshot to; requests with their answer and history; grants,
/// which the scheduler ends at their time; chat sessions. Each directory row keeps its entity as JSON
/// beside its id, in the order it was imported.
struct CreateAccessGovernance: Migration {
    let version = 12
    let name = "create_access_governance"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        let text = dialect.text, bigInteger = dialect.bigInteger
        try await database.raw("""
            CREATE TABLE access_directory_revision (
                id \(unsafeRaw: bigInteger) PRIMARY KEY,
                revision \(unsafeRaw: bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("INSERT INTO access_directory_revision (id, revision) VALUES (1, 0)").run()
        for table in ["access_users", "access_applications", "access_roles", "access_policies"] {
            try await database.raw("""
                CREATE TABLE \(unsafeRaw: table) (
                    id \(unsafeRaw: text) PRIMARY KEY,
                    position \(unsafeRaw: bigInteger) NOT NULL,
                    document \(unsafeRaw: text) NOT NULL
                )
                """).run()
        }
        try await database.raw("""
            CREATE TABLE access_user_roles (
                user_id \(unsafeRaw: text) NOT NULL,
                role_id \(unsafeRaw: text) NOT NULL,
                position \(unsafeRaw: bigInteger) NOT NULL,
                PRIMARY KEY (user_id, role_id)
            )
            """).run()
        try await database.raw("""
            CREATE TABLE access_requests (
                id \(unsafeRaw: text) PRIMARY KEY,
                owner_account_id \(unsafeRaw: text) NOT NULL,
                requester_user_id \(unsafeRaw: text),
                target_user_id \(unsafeRaw: text),
                status \(unsafeRaw: text) NOT NULL,
                document \(unsafeRaw: text) NOT NULL,
                created_at \(unsafeRaw: bigInteger) NOT NULL,
                updated_at \(unsafeRaw: bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX access_requests_by_owner ON access_requests (owner_account_id, created_at)").run()
        try await database.raw("CREATE INDEX access_requests_by_requester ON access_requests (requester_user_id, created_at)").run()
        try await database.raw("CREATE INDEX access_requests_by_status ON access_requests (status, created_at)").run()
        try await database.raw("""
            CREATE TABLE access_grants (
                id \(unsafeRaw: text) PRIMARY KEY,
                request_id \(unsafeRaw: text) NOT NULL UNIQUE,
                user_id \(unsafeRaw: text) NOT NULL,
                role_id \(unsafeRaw: text) NOT NULL,
                granted_at \(unsafeRaw: bigInteger) NOT NULL,
                expires_at \(unsafeRaw: bigInteger),
                ended_at \(unsafeRaw: bigInteger),
                end_reason \(unsafeRaw: text)
            )
            """).run()
        try await database.raw("CREATE INDEX access_grants_by_end ON access_grants (ended_at, expires_at)").run()
        try await database.raw("""
            CREATE TABLE access_chat_sessions (
                id \(unsafeRaw: text) PRIMARY KEY,
                owner_account_id \(unsafeRaw: text) NOT NULL,
                document \(unsafeRaw: text) NOT NULL,
                updated_at \(unsafeRaw: bigInteger) NOT NULL
            )
            """).run()
    }
}
