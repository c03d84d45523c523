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
    /// A commit that wrote much came while the checkpointer was pausing after a small log.
    private var largeCommitWaiting = false
    private var running: Task<Void, Never>?
    private var closed = false
    /// Commits that come closer together than this share one checkpoint: a burst of writes costs one
    /// pair of syncs, not a pair per commit.
    static let pause: Duration = .milliseconds(200)
    /// After a checkpoint that found less than `smallLog` frames in the WAL (small writes: the queue, a
    /// posting from the API), the next waits up to this long, so a steady trickle of commits syncs the
    /// disk every few seconds rather than five times a second. A large commit ends the wait.
    static let idlePause: Duration = .seconds(3)
    static let smallLog = 256
    /// A write transaction that took longer than this wrote enough pages (a bulk import's batch writes
    /// thousands) that its checkpoint should not wait out `idlePause`: the writer would reach its own
    /// threshold first and copy the whole WAL inside a commit.
    static let largeCommit: Duration = .milliseconds(20)

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Asks for a checkpoint after a commit whose transaction took `duration`; returns at once.
    func committed(after duration: Duration = .zero) {
        guard !closed else { return }
        requested = true
        if duration >= Self.largeCommit { largeCommitWaiting = true }
        guard running == nil else { return }
        running = Task { await drain() }
    }

    private func drain() async {
        while requested && !closed {
            requested = false
            largeCommitWaiting = false
            // PASSIVE never waits for readers or the writer; what it cannot copy now, a later one will.
            // Its row says how many frames the WAL held (`log`), or -1 for both when another connection
            // was checkpointing (the writer's own backstop): then the log is not small, just busy.
            let row = try? await connection.sql(queryLogLevel: nil).raw("PRAGMA wal_checkpoint(PASSIVE)").first()
            let frames = (try? row?.decode(column: "log", as: Int.self)) ?? 0
            guard frames >= 0, frames < Self.smallLog else {
                try? await Task.sleep(for: Self.pause)
                continue
            }
            var waited: Duration = .zero
            while waited < Self.idlePause, !largeCommitWaiting, !closed {
                try? await Task.sleep(for: Self.pause)
                waited += Self.pause
            }
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
