import Foundation

/// The question bank Wayfinder ships (original questions, CC BY 4.0, see its LICENSE.md).
public enum StarterBank {
    public static var url: URL? {
        Bundle.module.url(forResource: "starter-bank", withExtension: "json", subdirectory: "Resources/assessments")
    }

    public static var licenceURL: URL? {
        Bundle.module.url(forResource: "LICENSE", withExtension: "md", subdirectory: "Resources/assessments")
    }

    public static func data() throws -> Data {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: url)
    }
}
