import Foundation

/// Where tests write their files: one directory per test process under the system's temporary directory,
/// removed when the process exits, so that a run leaves nothing behind however its tests end (a test
/// that throws before its own clean-up, a database a suite never closes, a browser's profile).
public enum Scratch {
    /// The process's directory, made on first use.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-tests-\(getpid())")
        // A directory of the same name was left by an earlier process with this id that did not exit normally.
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()
}
