// swift-tools-version: 6.1
import PackageDescription

/// One list of settings for every target, so the whole package builds in the same language mode.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

/// The search engine counts set bits in every query (facets, totals); on x86-64 that is one
/// instruction only from Nehalem (2008) on, so the engine is built for it there.
#if arch(x86_64)
let searchSettings = swiftSettings + [.unsafeFlags(["-target-cpu", "nehalem"])]
#else
let searchSettings = swiftSettings
#endif

let package = Package(
    name: "wayfinder",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wayfinder", targets: ["wayfinder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .executableTarget(
            name: "wayfinder",
            dependencies: [
                "WayfinderApp", "Accounts", "AccessGovernance", "Domain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WayfinderApp",
            dependencies: [
                "Domain", "JobPostings", "Accounts", "CareerAgent", "AccessGovernance", "Publishing", "SkillsGraph", "Platform", "Search", "Storage", "HTTPAPI", "WebPages",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Domain", swiftSettings: swiftSettings),
        .target(name: "Search", dependencies: ["Domain", "JobPostings"], swiftSettings: searchSettings),
        .target(name: "JobPostings", dependencies: ["Domain", "Platform"], swiftSettings: swiftSettings),
        .target(
            name: "Accounts",
            dependencies: [
                "Domain", "Platform", "JobPostings",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Platform",
            dependencies: [
                "Domain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CareerAgent",
            dependencies: [
                "Domain", "Platform", "JobPostings", "Accounts",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CareerAgentTests",
            dependencies: ["CareerAgent", "Search", "Domain", "Platform", "JobPostings"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AccessGovernance",
            dependencies: [
                "Domain", "Platform",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SkillsGraph",
            dependencies: [
                "Domain", "Platform", "JobPostings",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SkillsGraphTests",
            dependencies: ["SkillsGraph", "CareerAgent", "Domain", "JobPostings", "Platform"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Publishing",
            dependencies: [
                "Domain", "Platform",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PublishingTests",
            dependencies: [
                "Publishing", "Domain", "Platform", "TestPeers",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AccessGovernanceTests",
            dependencies: ["AccessGovernance", "Domain", "Platform"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Domain", "JobPostings", "Accounts", "CareerAgent", "AccessGovernance", "Publishing", "SkillsGraph", "Platform",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WebPages",
            dependencies: [
                "Domain", "JobPostings", "Accounts", "CareerAgent", "AccessGovernance", "Publishing", "SkillsGraph", "Platform", "HTTPAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates"), .copy("Assets")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebPagesTests",
            dependencies: [
                "WebPages", "Domain", "WayfinderApp", "HTTPAPI", "JobPostings", "Platform", "Accounts", "CareerAgent", "AccessGovernance", "Publishing",
                "TestPeers",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // The browser script is run from the source tree by its path; it is not a resource.
            exclude: ["Browser/browser_flows.py"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HTTPAPI",
            dependencies: [
                "Domain", "JobPostings", "Accounts", "CareerAgent", "AccessGovernance", "Publishing", "SkillsGraph", "Platform",
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SearchTests",
            dependencies: ["Search", "JobPostings", "Domain", "TestPeers"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobPostingsTests",
            dependencies: [
                "JobPostings", "Domain", "Platform", "TestPeers",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AccountsTests",
            dependencies: ["Accounts", "Domain", "Platform", "JobPostings"],
            swiftSettings: swiftSettings
        ),
        // Real peers the tests start (a private dovecot), shared by the test targets that talk to them, and the
        // scratch directory every test process writes under and removes when it exits.
        .target(
            name: "TestPeers",
            dependencies: [
                "Platform", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/TestPeers",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PlatformTests",
            dependencies: [
                "Platform", "Domain", "TestPeers",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "JobPostings", "Accounts", "CareerAgent", "AccessGovernance", "Publishing", "SkillsGraph", "Domain", "Platform",
                "TestPeers",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WayfinderAppTests",
            dependencies: [
                "WayfinderApp", "JobPostings", "Accounts", "AccessGovernance", "Publishing", "Domain", "Platform", "Storage", "TestPeers",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPAPITests",
            dependencies: [
                "HTTPAPI", "WayfinderApp", "JobPostings", "Accounts", "AccessGovernance", "Publishing", "SkillsGraph", "Storage", "Domain", "Platform", "TestPeers",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
