import SQLiteNIO
import SQLKit

/// Copies committed pages from the WAL into the database file on a connection of its own, so that a
/// write transaction's commit does not wait for it (SQLite's automatic checkpoint runs inside the commit
/// that crosses its threshold, on the writer's connection: about a tenth of a bulk import's writing).
///
/// Durability is unchanged: with `synchronous = NORMAL` a commit is never synced, whoever checkpoints;
/// a checkpoint syncs the WAL before it copies and the database file after. A crash between the two
/// leaves the frames in the WAL, where the next open finds them. The writer keeps a much larger automatic
/// threshold as a backstop, so the WAL stays bounded even if this falls behind.
actor SQLiteCheckpointer {
    private let connection: SQLiteConnection
    private var requested = false
    private var running: Task<Void, Never>?
    private var closed = false
    /// Commits that come closer together than this share one checkpoint: a burst of writes costs one
    /// pair of syncs, not a pair per commit.
    static let pause: Duration = .milliseconds(200)
    /// After a checkpoint that found less than `smallLog` frames in the WAL (small writes: the queue, a
    /// posting from the API), the next waits this long, so a steady trickle of commits syncs the disk
    /// every few seconds rather than five times a second.
    static let idlePause: Duration = .seconds(3)
    static let smallLog = 256

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Asks for a checkpoint after a commit; returns at once.
    func committed() {
        guard !closed else { return }
        requested = true
        guard running == nil else { return }
        running = Task { await drain() }
    }

    private func drain() async {
        while requested && !closed {
            requested = false
            // PASSIVE never waits for readers or the writer; what it cannot copy now, a later one will.
            // Its row says how many frames the WAL held (`log`).
            let row = try? await connection.sql(queryLogLevel: nil).raw("PRAGMA wal_checkpoint(PASSIVE)").first()
            let frames = (try? row?.decode(column: "log", as: Int.self)) ?? 0
            try? await Task.sleep(for: frames < Self.smallLog ? Self.idlePause : Self.pause)
        }
        running = nil
    }

    /// Waits for a checkpoint in progress (not for the pause after it), then closes the connection.
    func close() async {
        closed = true
        running?.cancel()
        await running?.value
        try? await connection.close()
    }
}
