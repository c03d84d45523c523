import AccessGovernance
import Foundation

/// The directory of Northwind Outfitters, the fictional company the demo asks access in.
public enum DemoDirectory {
    public static func document() throws -> DirectoryDocument {
        guard let url = Bundle.module.url(forResource: "demo-directory", withExtension: "json", subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(DirectoryDocument.self, from: Data(contentsOf: url))
    }
}
