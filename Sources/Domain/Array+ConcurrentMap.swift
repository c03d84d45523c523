import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` split into one part per core, each of at least `minimumPerPart` elements (fewer
    /// elements: one part, no tasks); the results keep the elements' order. For CPU-bound transforms of
    /// large batches (normalizing a board, fingerprinting a write).
    public func concurrentMap<Mapped: Sendable>(
        minimumPerPart: Int, _ transform: @escaping @Sendable (Element) -> Mapped
    ) async -> [Mapped] {
        let parts = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumPerPart)))
        guard parts > 1 else { return map(transform) }
        let size = (count + parts - 1) / parts
        return await withTaskGroup(of: (Int, [Mapped]).self) { group in
            for part in 0..<parts {
                let slice = self[Swift.min(part * size, count)..<Swift.min((part + 1) * size, count)]
                group.addTask { (part, slice.map(transform)) }
            }
            var results = Array<[Mapped]>(repeating: [], count: parts)
            for await (part, mapped) in group { results[part] = mapped }
            return results.flatMap { $0 }
        }
    }
}
