import Foundation

/// A secret key kept in the data directory (`secrets/<name>.key`, readable by the owner only),
/// generated on first use. Servers that share a database but not a data directory must be given
/// the same key through configuration instead.
enum KeyFile {
    static func loadOrCreate(_ name: String, in dataDirectory: String, bytes: Int = 32) throws -> Data {
        let directory = URL(fileURLWithPath: dataDirectory).appendingPathComponent("secrets")
        let file = directory.appendingPathComponent("\(name).key")
        if let text = try? String(contentsOf: file, encoding: .utf8), let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return data
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var generator = SystemRandomNumberGenerator()
        let key = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        // Written under a temporary name and renamed, so a concurrent first start never reads half a key;
        // if another process won the race, its key is the one kept.
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(key.base64EncodedString().utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw SettingsError("could not write the key file \(file.path)")
        }
        if link(temporary.path, file.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            guard let text = try? String(contentsOf: file, encoding: .utf8), let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw SettingsError("could not create the key file \(file.path)")
            }
            return data
        }
        try? FileManager.default.removeItem(at: temporary)
        return key
    }
}
