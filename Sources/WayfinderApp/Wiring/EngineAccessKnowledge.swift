import AccessGovernance
import Foundation
import JobPostings
import Search
import Synchronization

/// The policy texts and past decisions, searched with Wayfinder's own engine: each is indexed as a
/// document (title and text), and each query (a role's name, an application, a condition) is one
/// search; results are merged by reciprocal rank, so what several queries find comes first.
final class EngineAccessKnowledge: AccessKnowledge {
    private let index = InvertedJobSearchIndex()
    private let entries = Mutex<[Int64: Evidence]>([:])
    private let policyRows = Mutex<[Int64]>([])
    private let nextRow = Atomic<Int64>(1)
    private let sequence = Atomic<Int64>(0)
    /// Precedents kept, oldest dropped first.
    static let precedentLimit = 5_000
    private let precedentRows = Mutex<[Int64]>([])

    func replacePolicies(_ policies: [AccessPolicy]) async {
        let old = policyRows.withLock { rows in defer { rows = [] }; return rows }
        var changes = old.map { row in change(row: row, title: "", text: "", kind: "policy", open: false) }
        var rows: [Int64] = []
        for policy in policies {
            let row = nextRow.add(1, ordering: .relaxed).oldValue
            rows.append(row)
            entries.withLock { $0[row] = Evidence(kind: .policy, id: policy.policyID, title: policy.title, quote: policy.text, relevance: .related) }
            changes.append(change(row: row, title: policy.title, text: policy.text, kind: "policy", open: true))
        }
        entries.withLock { table in for row in old { table[row] = nil } }
        policyRows.withLock { $0 = rows }
        index.apply(changes)
    }

    /// Precedents wait here and are indexed in batches off the request's path: building a segment (and
    /// now and then merging) for every decision would put that cost on every request.
    private let pending = Mutex<(precedents: [Precedent], flushing: Bool)>(([], false))

    func addPrecedents(_ precedents: [Precedent]) async {
        guard !precedents.isEmpty else { return }
        let startFlush = pending.withLock { state -> Bool in
            state.precedents += precedents
            defer { state.flushing = true }
            return !state.flushing
        }
        guard startFlush else { return }
        Task.detached(priority: .utility) { [self] in flush() }
    }

    private func flush() {
        while true {
            let batch = pending.withLock { state -> [Precedent] in
                defer { state.precedents = [] }
                if state.precedents.isEmpty { state.flushing = false }
                return state.precedents
            }
            guard !batch.isEmpty else { return }
            indexPrecedents(batch)
        }
    }

    /// Each request's row, so a newer outcome of the same request replaces the older one.
    private let rowOfRequest = Mutex<[String: Int64]>([:])

    private func indexPrecedents(_ precedents: [Precedent]) {
        var changes: [JobPostingChange] = []
        var retired: [Int64] = []
        for precedent in precedents {
            let row = nextRow.add(1, ordering: .relaxed).oldValue
            entries.withLock { $0[row] = Evidence(kind: .precedent, id: precedent.requestID, title: precedent.summary, quote: precedent.text, relevance: .related) }
            changes.append(change(row: row, title: precedent.summary, text: precedent.text, kind: "precedent", open: true))
            if let replaced = rowOfRequest.withLock({ rows in defer { rows[precedent.requestID] = row }; return rows[precedent.requestID] }) {
                retired.append(replaced)
                precedentRows.withLock { $0.removeAll { $0 == replaced } }
            }
            if let dropped = precedentRows.withLock({ rows -> Int64? in
                rows.append(row)
                return rows.count > Self.precedentLimit ? rows.removeFirst() : nil
            }) {
                retired.append(dropped)
            }
        }
        for row in retired {
            changes.append(change(row: row, title: "", text: "", kind: "precedent", open: false))
            let requestID = entries.withLock { table in defer { table[row] = nil }; return table[row]?.id }
            if let requestID { rowOfRequest.withLock { rows in if rows[requestID] == row { rows[requestID] = nil } } }
        }
        index.apply(changes)
    }

    func search(_ queries: [String], limit: Int) async -> [Evidence] {
        var scores: [Int64: Double] = [:]
        for query in queries where !query.isEmpty {
            let quoted = "\"" + query.replacingOccurrences(of: "\"", with: " ") + "\""
            guard let matches = try? index.search(JobSearchQuery(text: quoted, limit: 20), now: Date()) else { continue }
            for (rank, row) in matches.rowIDs.enumerated() { scores[row, default: 0] += 1 / Double(60 + rank) }
        }
        let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(limit)
        return entries.withLock { table in ranked.compactMap { table[$0.key] } }
    }

    private func change(row: Int64, title: String, text: String, kind: String, open: Bool) -> JobPostingChange {
        let posting = JobPosting(jobID: "\(kind)-\(row)", providerID: "access-\(kind)", title: title, description: text, company: kind,
                                 location: "", postedDate: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0),
                                 status: open ? .open : .closed)
        return JobPostingChange(sequence: sequence.add(1, ordering: .relaxed).newValue, stored: StoredJobPosting(rowID: row, posting: posting))
    }
}
