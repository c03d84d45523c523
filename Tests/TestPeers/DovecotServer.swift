import Foundation
import Platform
#if canImport(Glibc)
import Glibc
#endif

/// A private dovecot IMAP server for the tests: its own configuration, runtime and mail folders in a
/// temporary directory, listening on 127.0.0.1 on two free ports, plain (with STARTTLS) and implicit
/// TLS. It starts once per test process (`mailbox()`), and each test gets a user and mailbox of its own,
/// which it fills by writing Maildir files: starting dovecot costs about a second of the machine's
/// time, a user nothing. It stops when the test process exits, and a watchdog ends it within a second
/// should the process die without exiting.
///
/// Dovecot assigns the UIDs when it first sees the files, in the order of their names, which the
/// helper makes the order they were added in.
public final class DovecotServer: @unchecked Sendable {
    public static let dovecot = "/usr/sbin/dovecot"
    /// Quotes, a backslash, spaces and letters outside ASCII: nothing here may trip up the login.
    public static let password = #"pa"ss \wörd ✓"#

    /// Why the server cannot run here, or nil when dovecot and openssl are installed.
    public static let unavailableReason: String? = {
        guard FileManager.default.isExecutableFile(atPath: dovecot) else {
            return "dovecot is not installed (apt-get install dovecot-imapd)"
        }
        guard (try? run("/usr/bin/env", ["openssl", "version"])) != nil else { return "openssl is not installed" }
        return nil
    }()

    /// These tests run where dovecot is installed, and always in CI, where its absence is a failure.
    public static var shouldRun: Bool {
        unavailableReason == nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// One self-signed certificate for 127.0.0.1 and localhost, made once per test run.
    public static let certificate: Result<(certificate: String, key: String), any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-imap-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("server.crt").path, key = folder.appendingPathComponent("server.key").path
        try run("/usr/bin/env", ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                 "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
                                 "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
        return (try String(contentsOfFile: certificate, encoding: .utf8), try String(contentsOfFile: key, encoding: .utf8))
    }

    public let directory: URL
    public let imapPort: Int
    public let imapsPort: Int
    /// The certificate the server presents, in PEM, for `trustedRootCertificatesPEM`.
    public let certificatePEM: String
    private let dovecot: pid_t
    private let watchdog: pid_t
    private let mailOwner: (uid: uid_t, gid: gid_t)
    private let lock = NSLock()
    private var delivered = 0
    private var users = 0

    /// The server of this test process, started on first use.
    private static let shared = Result { try DovecotServer() }

    /// A new user with an empty inbox on the shared server. The first call starts the server on a thread
    /// of its own, so that tests waiting for it do not hold the threads every other test runs on.
    public static func mailbox() async throws -> Mailbox {
        let server = try await onOwnThread { try shared.get() }
        return try server.lock.withLock {
            server.users += 1
            let user = "seeker\(server.users)"
            try makeMaildir(server.directory.appendingPathComponent("mail/\(user)"), owner: server.mailOwner)
            // Dovecot reads the user file again when it has changed.
            let line = "\(user):{PLAIN}\(password):\(server.mailOwner.uid):\(server.mailOwner.gid)::\(server.directory.path)/home\n"
            let file = try FileHandle(forWritingTo: server.directory.appendingPathComponent("users"))
            defer { try? file.close() }
            try file.seekToEnd()
            try file.write(contentsOf: Data(line.utf8))
            return Mailbox(server: server, user: user)
        }
    }

    /// Starts the server and waits until both ports accept connections.
    private init() throws {
        if let reason = Self.unavailableReason { throw SetupError(reason) }
        let (certificate, key) = try Self.certificate.get()
        certificatePEM = certificate
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-imap-\(UUID().uuidString)")
        let files = FileManager.default
        for folder in ["run", "state", "ssl", "mail"] {
            try files.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try certificate.write(to: directory.appendingPathComponent("ssl/server.crt"), atomically: true, encoding: .utf8)
        try key.write(to: directory.appendingPathComponent("ssl/server.key"), atomically: true, encoding: .utf8)
        // Dovecot refuses to run its login processes as root and to give mail to UID 0. As root (in
        // CI) the mail belongs to nobody and the services run as Debian's dovecot users; as anyone
        // else everything runs as that user.
        let internalUser: String, loginUser: String, internalGroup: String
        if getuid() == 0 {
            guard let nobody = getpwnam("nobody") else { throw SetupError("there is no user nobody to own the test mail") }
            mailOwner = (nobody.pointee.pw_uid, nobody.pointee.pw_gid)
            internalUser = getpwnam("dovecot") == nil ? "nobody" : "dovecot"
            loginUser = getpwnam("dovenull") == nil ? "nobody" : "dovenull"
            internalGroup = getgrnam("dovecot") == nil ? "nogroup" : "dovecot"
        } else {
            mailOwner = (getuid(), getgid())
            let name = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "\(getuid())"
            (internalUser, loginUser) = (name, name)
            internalGroup = getgrgid(getgid()).map { String(cString: $0.pointee.gr_name) } ?? "\(getgid())"
        }
        try Data().write(to: directory.appendingPathComponent("users"))
        let path = directory.path, owner = mailOwner
        let configuration = { (imapPort: Int, imapsPort: Int) in """
            base_dir = \(path)/run
            state_dir = \(path)/state
            log_path = \(path)/dovecot.log
            instance_name = wayfinder-imap-test-\(imapPort)
            protocols = imap
            listen = 127.0.0.1
            default_internal_user = \(internalUser)
            default_login_user = \(loginUser)
            default_internal_group = \(internalGroup)
            first_valid_uid = \(owner.uid)
            last_valid_uid = \(owner.uid)
            first_valid_gid = \(owner.gid)
            last_valid_gid = \(owner.gid)
            auth_mechanisms = plain login
            # Tests log in with wrong passwords on purpose: no delay after them, and no penalty for
            # the address all tests share.
            auth_failure_delay = 0
            login_trusted_networks = 127.0.0.0/8
            disable_plaintext_auth = no
            ssl = yes
            ssl_cert = <\(path)/ssl/server.crt
            ssl_key = <\(path)/ssl/server.key
            passdb {
              driver = passwd-file
              args = \(path)/users
            }
            userdb {
              driver = passwd-file
              args = \(path)/users
            }
            mail_location = maildir:\(path)/mail/%u
            service imap-login {
              inet_listener imap {
                port = \(imapPort)
              }
              inet_listener imaps {
                port = \(imapsPort)
                ssl = yes
              }
              # Chroot needs root; the test server runs as whoever runs the tests.
              chroot =
            }
            service anvil {
              chroot =
            }

            """
        }
        // The ports are found free by binding and releasing them, so another test's server may take one first;
        // dovecot then ends at once saying so, and the start is tried again on other ports.
        var attempt = 0
        var started: (imapPort: Int, imapsPort: Int, dovecot: pid_t, watchdog: pid_t)?
        while started == nil {
            attempt += 1
            let imapPort = try Self.freePort()
            var imapsPort = try Self.freePort()
            while imapsPort == imapPort { imapsPort = try Self.freePort() }
            try configuration(imapPort, imapsPort).write(to: directory.appendingPathComponent("dovecot.conf"), atomically: true, encoding: .utf8)
            switch try Self.launch(in: directory, ports: [imapPort, imapsPort]) {
            case .started(let dovecot, let watchdog):
                started = (imapPort, imapsPort, dovecot, watchdog)
            case .portTaken where attempt < 3:
                continue
            case .portTaken(let log), .failed(let log):
                try? FileManager.default.removeItem(at: directory)
                throw SetupError("dovecot did not start: \(log)")
            }
        }
        (imapPort, imapsPort, dovecot, watchdog) = (started!.imapPort, started!.imapsPort, started!.dovecot, started!.watchdog)
        atexit { if case .success(let server) = DovecotServer.shared { server.stop() } }
    }

    private enum Launch {
        case started(dovecot: pid_t, watchdog: pid_t)
        /// Dovecot ended because another process had taken one of its ports; its log.
        case portTaken(String)
        case failed(String)
    }

    /// Starts dovecot on the configuration in `directory` and waits until it has logged its start (it does after
    /// setting up every listener) and every port answers. Should the test process die without stopping it, a
    /// watchdog ends dovecot within a second.
    private static func launch(in directory: URL, ports: [Int]) throws -> Launch {
        let log = directory.appendingPathComponent("dovecot.log")
        try? FileManager.default.removeItem(at: log)
        let dovecot = try spawn(Self.dovecot, ["-F", "-c", directory.appendingPathComponent("dovecot.conf").path])
        let watchdog = try spawn("/bin/sh", ["-c", "while kill -0 \(getpid()) && kill -0 \(dovecot); do sleep 1; done 2>/dev/null; kill \(dovecot) 2>/dev/null"])
        let deadline = Date().addingTimeInterval(15)
        while true {
            let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if logged.contains(" starting up "), ports.allSatisfy(accepts) { return .started(dovecot: dovecot, watchdog: watchdog) }
            var status: Int32 = 0
            let exited = waitpid(dovecot, &status, WNOHANG) == dovecot
            guard !exited, Date() < deadline else {
                for pid in [dovecot, watchdog] where !(pid == dovecot && exited) {
                    kill(pid, SIGTERM)
                    _ = waitpid(pid, &status, 0)
                }
                let ended = (try? String(contentsOf: log, encoding: .utf8)) ?? logged
                if exited, ended.contains("Address already in use") || ended.contains("bind(") { return .portTaken(ended) }
                return .failed(exited ? ended : "not ready within 15 s: \(ended)")
            }
            usleep(20_000)
        }
    }

    /// One test's user on the shared server, and its mail folders.
    public struct Mailbox: Sendable {
        public let server: DovecotServer
        public let user: String
        public var inbox: URL { server.directory.appendingPathComponent("mail/\(user)") }

        public func configuration(security: IMAPConfiguration.Security = .tls, password: String = DovecotServer.password,
                           folder: String = "INBOX", trusted: Bool = true, host: String = "127.0.0.1") -> IMAPConfiguration {
            IMAPConfiguration(host: host, port: security == .tls ? server.imapsPort : server.imapPort, security: security,
                              username: user, password: password, folder: folder,
                              trustedRootCertificatesPEM: trusted ? server.certificatePEM : nil, timeout: .seconds(10))
        }

        /// Puts messages into a folder (the inbox unless named as on disk, e.g. `.Jobs`) as new Maildir
        /// files, in this order.
        public func add(_ messages: [Data], toFolderDirectory folderDirectory: String? = nil) throws {
            try server.add(messages, to: folderDirectory.map { inbox.appendingPathComponent($0) } ?? inbox)
        }

        /// The flags dovecot keeps in each message file's name (`S` for seen), for the files in `cur/`.
        public func flags(inFolderDirectory folderDirectory: String? = nil) throws -> [String] {
            let folder = (folderDirectory.map { inbox.appendingPathComponent($0) } ?? inbox).appendingPathComponent("cur")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
                name.range(of: ":2,").map { String(name[$0.upperBound...]) } ?? ""
            }
        }

        /// Makes dovecot forget the UIDs it gave the inbox, so that it gives new ones with a new UIDVALIDITY,
        /// as after a server migration or a rebuilt folder.
        public func forgetUIDs() throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path)
            where name == "dovecot-uidlist" || name.hasPrefix("dovecot.index") {
                try FileManager.default.removeItem(at: inbox.appendingPathComponent(name))
            }
        }

        /// Removes the user's mail; the user stays, with nothing to read.
        public func remove() {
            try? FileManager.default.removeItem(at: inbox)
        }
    }

    private func add(_ messages: [Data], to folder: URL) throws {
        if !FileManager.default.fileExists(atPath: folder.path) {
            try Self.makeMaildir(folder, owner: mailOwner)
            try Data().write(to: folder.appendingPathComponent("maildirfolder"))
            try Self.own(folder.appendingPathComponent("maildirfolder"), owner: mailOwner)
        }
        for message in messages {
            let number = lock.withLock { delivered += 1; return delivered }
            // Dovecot orders files it has not seen by the time in their names; one second apart
            // per message keeps the order they were written in.
            let name = "\(1_600_000_000 + number).M\(number)P1.wayfinder-test:2,"
            let file = folder.appendingPathComponent("cur/\(name)")
            try message.write(to: file)
            try Self.own(file, owner: mailOwner)
        }
    }

    /// Ends dovecot (its master process ends all the others) and the watchdog, and removes the directory.
    public func stop() {
        for pid in [dovecot, watchdog] {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func makeMaildir(_ folder: URL, owner: (uid: uid_t, gid: gid_t)) throws {
        try own(folder, owner: owner, create: true)
        for part in ["cur", "new", "tmp"] { try own(folder.appendingPathComponent(part), owner: owner, create: true) }
    }

    private static func own(_ url: URL, owner: (uid: uid_t, gid: gid_t), create: Bool = false) throws {
        if create { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        guard chown(url.path, owner.uid, owner.gid) == 0 else {
            throw SetupError("cannot give \(url.path) to uid \(owner.uid): errno \(errno)")
        }
    }

    /// A port nothing listens on now, for dovecot to take.
    public static func freePort() throws -> Int { try FreePort.find() }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Starts a program with every signal unblocked and at its default. `Process` would pass on the
    /// spawning thread's signal mask, in which the test runner blocks SIGTERM and more: dovecot would
    /// then never hear that it should stop. Only standard input, output and error (all /dev/null) are
    /// inherited, not the test process's sockets.
    private static func spawn(_ executable: String, _ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // glibc 2.34 and later; Swift does not import it, so it is looked up.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 3)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else { throw SetupError("cannot start \(executable): error \(result)") }
        return pid
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.runOneAtATime()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        guard process.waitUntilExit(orKillAfter: 60) == 0 else {
            throw SetupError("\(arguments.first ?? executable) failed: \(String(decoding: printed, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
