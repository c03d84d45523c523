import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` split into one part per core, each of at least `minimumPerPart` elements (fewer
    /// elements: one part, run by the caller); the results keep the elements' order. For CPU-bound
    /// transforms of large batches (normalizing a board, fingerprinting a write).
    ///
    /// The parts run on Dispatch's threads, not as child tasks: in a process whose tasks run on the event
    /// loops (`EventLoopExecutor`), a child task is queued on its parent's loop, so every part would run on
    /// one thread, one after another.
    public func concurrentMap<Mapped: Sendable>(
        minimumPerPart: Int, _ transform: @escaping @Sendable (Element) -> Mapped
    ) async -> [Mapped] {
        let parts = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumPerPart)))
        guard parts > 1 else { return map(transform) }
        let size = (count + parts - 1) / parts
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                // Each part writes only its own slot; `concurrentPerform` returns after every part has.
                nonisolated(unsafe) let results = UnsafeMutableBufferPointer<[Mapped]>.allocate(capacity: parts)
                results.initialize(repeating: [])
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    results[part] = self[Swift.min(part * size, count)..<Swift.min((part + 1) * size, count)].map(transform)
                }
                let joined = Array<Mapped>(results.joined())
                results.deinitialize()
                results.deallocate()
                continuation.resume(returning: joined)
            }
        }
    }
}
