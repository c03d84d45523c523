#if canImport(Glibc)
import Glibc
#endif

/// Which processors a thread may run on, and which one it runs on now (Linux calls, through
/// `GNUFunctions`). Anywhere they are missing, threads are left where the scheduler puts them.
enum ProcessorAffinity {
    /// The processors this process may use (its affinity mask), in ascending order; empty when unknown.
    static func allowedProcessors() -> [Int] {
        #if os(Linux)
        guard let getAffinity = functions.getAffinity else { return [] }
        var set = cpu_set_t()
        guard getAffinity(0, MemoryLayout<cpu_set_t>.size, &set) == 0 else { return [] }
        return withUnsafeBytes(of: &set) { bytes in
            (0..<bytes.count * 8).filter { bytes[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
        }
        #else
        return []
        #endif
    }

    /// Keeps the calling thread on `processor`; false when that cannot be done.
    @discardableResult
    static func pinCurrentThread(to processor: Int) -> Bool {
        #if os(Linux)
        guard let setAffinity = functions.setAffinity, processor >= 0,
              processor < MemoryLayout<cpu_set_t>.size * 8 else { return false }
        var set = cpu_set_t()
        withUnsafeMutableBytes(of: &set) { $0[processor >> 3] = 1 << UInt8(processor & 7) }
        return setAffinity(0, MemoryLayout<cpu_set_t>.size, &set) == 0
        #else
        return false
        #endif
    }

    /// The processor the calling thread runs on at this moment, or nil when unknown.
    static func currentProcessor() -> Int? {
        #if os(Linux)
        guard let getCPU = functions.getCPU else { return nil }
        let processor = getCPU()
        return processor >= 0 ? Int(processor) : nil
        #else
        return nil
        #endif
    }

    #if os(Linux)
    private typealias AffinityCall = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    private typealias CurrentProcessorCall = @convention(c) () -> Int32

    private struct Functions: @unchecked Sendable {
        let getAffinity: AffinityCall?
        let setAffinity: AffinityCall?
        let getCPU: CurrentProcessorCall?
    }

    private static let functions = Functions(
        getAffinity: GNUFunctions.find("sched_getaffinity", as: AffinityCall.self),
        setAffinity: GNUFunctions.find("sched_setaffinity", as: AffinityCall.self),
        getCPU: GNUFunctions.find("sched_getcpu", as: CurrentProcessorCall.self)
    )
    #endif
}
