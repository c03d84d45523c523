import Synchronization

/// Independent pieces of uneven work (segments) on all cores.
enum HeaviestFirst {
    /// `(0..<count).map(transform)` on all cores, the heaviest pieces first, so that no core is left
    /// with a heavy one when the others are done. Results keep the pieces' order.
    static func map<Mapped: Sendable>(
        count: Int, weight: (Int) -> Int, _ transform: @escaping @Sendable (Int) -> Mapped
    ) -> [Mapped] {
        let order = (0..<count).sorted { weight($0) > weight($1) }
        let results = Mutex([Mapped?](repeating: nil, count: count))
        SearchThreads.shared.run(count: count) { step in
            let index = order[step]
            let mapped = transform(index)
            results.withLock { $0[index] = mapped }
        }
        // `run` returns once every step has run, so every piece has its result.
        return results.withLock { $0.map { $0! } }
    }
}
