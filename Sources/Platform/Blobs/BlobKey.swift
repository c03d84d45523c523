/// The rules every blob key follows, whatever store holds it.
///
/// A key is one or more segments joined by `/`. The rules are those of a safe relative file path, because
/// `FileBlobStore` turns keys into paths under its folder: a key must never reach outside that folder
/// (`..`, a leading `/`), and what is valid on disk is then valid in any S3-compatible bucket too.
public enum BlobKey {
    /// S3's own limit on key length, in UTF-8 bytes.
    public static let maximumLength = 1024
    /// The usual file-system limit on one file name, in UTF-8 bytes.
    public static let maximumSegmentLength = 255

    /// The key's segments, or `BlobStoreError.invalidKey` saying which rule it breaks.
    @discardableResult
    public static func validate(_ key: String) throws(BlobStoreError) -> [Substring] {
        func refuse(_ reason: String) -> BlobStoreError { .invalidKey(key, reason: reason) }
        guard !key.isEmpty else { throw refuse("it is empty") }
        guard key.utf8.count <= maximumLength else { throw refuse("it is longer than \(maximumLength) bytes") }
        // Control characters (NUL above all) cut or confuse paths and logs; a backslash is a separator on some systems.
        guard !key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw refuse("it contains a control character")
        }
        guard !key.contains("\\") else { throw refuse("it contains a backslash") }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            guard !segment.isEmpty else { throw refuse("it starts or ends with \"/\" or has \"//\"") }
            // This refuses "." and ".." (path traversal) and keeps hidden names free for the store's own temporary files.
            guard segment.first != "." else { throw refuse("a segment starts with \".\"") }
            guard segment.utf8.count <= maximumSegmentLength else {
                throw refuse("a segment is longer than \(maximumSegmentLength) bytes")
            }
        }
        return segments
    }
}
