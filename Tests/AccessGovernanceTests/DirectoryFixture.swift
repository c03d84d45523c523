@testable import AccessGovernance
import Foundation
import Testing

/// The fictional company the tests ask access in: Northwind's users, applications, roles and policies.
enum DirectoryFixture {
    static let document: DirectoryDocument = {
        let url = Bundle.module.url(forResource: "northwind-directory", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(DirectoryDocument.self, from: Data(contentsOf: url))
    }()

    static let snapshot = DirectorySnapshot(document)

    static func assess(_ text: String, as requester: String) -> AccessAssessment {
        AccessAssessment(text: text, requester: snapshot.user(requester), snapshot: snapshot)
    }
}
