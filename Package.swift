// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenKit", targets: ["SitegenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Debian's libcmark-dev, through pkg-config. C stays behind Markdown/.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libdeflate (Debian's libdeflate-dev): the search index is stored as raw DEFLATE,
        // which the browser inflates with its own DecompressionStream.
        .systemLibrary(
            name: "CLibdeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(
            name: "SitegenKit",
            dependencies: [
                "CCmark",
                "CLibdeflate",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/divisions.tsv")]
        ),
        // The preview server of `sitegen serve`: its own target, for its own dependency.
        .target(
            name: "SitegenServe",
            dependencies: [
                "SitegenKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenKit",
                "SitegenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes
            // and frees millions of strings and buffers on both cores, and with glibc's a
            // 50,000-article build took 15 % longer and 22 % more memory (38.1 s and
            // 801 MB against 33.2 s and 654 MB). Linked before libc, it serves every
            // library's malloc and free.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // Times a stage of the build by itself (scripts/bench-search); timings live here, never in tests.
        .executableTarget(name: "sitegen-bench", dependencies: ["SitegenKit"]),
        .testTarget(
            name: "SitegenKitTests",
            dependencies: ["SitegenKit", "SitegenServe"],
            // Read from the source tree at run time (Fixtures.packageRoot), not bundled.
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
