/// A result candidate with the keys both orders sort on.
struct Hit: Sendable {
    var rowID: Int64
    var score: Double
    var postedAt: Int64
}

/// Keeps the best `capacity` hits seen, in a heap with the worst kept hit on top.
struct TopHits {
    let capacity: Int
    /// Newest first (ties: lower row id) instead of best score first (ties: lower row id).
    let byDate: Bool
    private var heap: [Hit] = []

    init(capacity: Int, byDate: Bool) {
        self.capacity = capacity
        self.byDate = byDate
        heap.reserveCapacity(capacity)
    }

    @inline(__always)
    static func isBetter(_ left: Hit, _ right: Hit, byDate: Bool) -> Bool {
        if byDate {
            return left.postedAt != right.postedAt ? left.postedAt > right.postedAt : left.rowID < right.rowID
        }
        return left.score != right.score ? left.score > right.score : left.rowID < right.rowID
    }

    @inline(__always)
    private func isBetter(_ left: Hit, _ right: Hit) -> Bool { Self.isBetter(left, right, byDate: byDate) }

    mutating func offer(_ hit: Hit) {
        if heap.count < capacity {
            heap.append(hit)
            siftUp(heap.count - 1)
        } else if capacity > 0, isBetter(hit, heap[0]) {
            heap[0] = hit
            siftDown(0)
        }
    }

    var isFull: Bool { heap.count >= capacity }

    /// The worst hit kept, which a newcomer must beat once the heap is full.
    var worst: Hit? { heap.first }

    /// Best first.
    func sorted() -> [Hit] { heap.sorted { isBetter($0, $1) } }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBetter(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count, isBetter(heap[worst], heap[left]) { worst = left }
            if right < heap.count, isBetter(heap[worst], heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
