import Foundation
import Platform
import Testing

@Suite("Freed memory")
struct FreedMemoryTests {
    /// Anonymous memory the process has resident, from `/proc/self/status`; nil where there is no such file.
    private static func residentAnonymousBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return nil }
        return kilobytes * 1024
    }

    @Test("pages freed between live allocations on another thread go back to the system")
    func returnsPagesFreedAmongLiveOnes() async throws {
        #if os(Linux)
        // 64 MB in small blocks on a thread of its own (its own arena), then every block freed but one per 16 KB:
        // the arena keeps its pages, as after building the skill extractor, and only a trim returns them.
        let kept = await withCheckedContinuation { (done: CheckedContinuation<[UnsafeMutableRawPointer], Never>) in
            Thread.detachNewThread {
                let blocks = (0..<262_144).map { _ in UnsafeMutableRawPointer.allocate(byteCount: 240, alignment: 16) }
                for block in blocks { block.initializeMemory(as: UInt8.self, repeating: 1, count: 240) }
                var kept: [UnsafeMutableRawPointer] = []
                for (index, block) in blocks.enumerated() {
                    if index % 64 == 0 { kept.append(block) } else { block.deallocate() }
                }
                done.resume(returning: kept)
            }
        }
        defer { for block in kept { block.deallocate() } }
        let before = try #require(Self.residentAnonymousBytes())
        FreedMemory.returnToSystem()
        let after = try #require(Self.residentAnonymousBytes())
        #expect(before - after > 32 << 20, "resident anonymous memory went from \(before >> 20) MB to \(after >> 20) MB")
        #else
        FreedMemory.returnToSystem()
        #endif
    }
}
