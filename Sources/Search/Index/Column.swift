/// Memory that columns point into: an owned copy of built arrays, or a region of a mapped segment
/// file. Nothing writes to it after it is created, so any number of threads read it.
final class ColumnStorage: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let unmap: (@Sendable (UnsafeRawBufferPointer) -> Void)?

    /// Takes ownership of `bytes`, allocated with `UnsafeMutableRawBufferPointer.allocate`.
    init(owning bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        unmap = nil
    }

    /// Points into memory that `release` gives back (a file mapping).
    init(mapped bytes: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.bytes = bytes
        unmap = release
    }

    deinit {
        if let unmap { unmap(bytes) } else { bytes.deallocate() }
    }
}

/// A read-only array of fixed-width values that lives in a `ColumnStorage`: a segment's columns and
/// postings, whether just built or read in place from a mapped file.
struct Column<Element: FixedWidthInteger>: RandomAccessCollection, @unchecked Sendable {
    private let storage: ColumnStorage?
    let base: UnsafePointer<Element>?
    let count: Int

    /// An empty column.
    init() {
        storage = nil
        base = nil
        count = 0
    }

    /// A copy of `values` in storage of its own.
    init(_ values: [Element]) {
        guard !values.isEmpty else {
            self.init()
            return
        }
        let bytes = UnsafeMutableRawBufferPointer.allocate(
            byteCount: values.count * MemoryLayout<Element>.stride, alignment: MemoryLayout<UInt64>.alignment
        )
        values.withUnsafeBytes { bytes.copyMemory(from: $0) }
        self.init(storage: ColumnStorage(owning: UnsafeRawBufferPointer(bytes)), byteOffset: 0, count: values.count)
    }

    /// `count` values at `byteOffset` of `storage`, which the caller has checked hold them, aligned.
    init(storage: ColumnStorage, byteOffset: Int, count: Int) {
        precondition(byteOffset % MemoryLayout<Element>.alignment == 0
                     && byteOffset + count * MemoryLayout<Element>.stride <= storage.bytes.count)
        self.storage = storage
        base = count == 0 ? nil : storage.bytes.baseAddress!.advanced(by: byteOffset).assumingMemoryBound(to: Element.self)
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "column index out of range")
        return base.unsafelyUnwrapped[index]
    }

    /// The values as a buffer, for loops that read many of them; valid while the column is.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(buffer) }
    }

    var array: [Element] { Array(buffer) }
}

extension Column: Equatable {
    static func == (left: Column, right: Column) -> Bool { left.elementsEqual(right) }
}
