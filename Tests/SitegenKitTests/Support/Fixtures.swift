import Foundation
import Testing
@testable import SitegenKit

/// Files of the package itself: the real seeds and the test fixtures, found from this
/// source file's path so tests run the same from any working directory.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let fixtureDirectory = packageRoot.appendingPathComponent("Tests/SitegenKitTests/Fixtures")

    /// `seeds/NNN_….txt` as raw bytes, by its three-digit number.
    static func seed(_ number: String) throws -> SourceFile {
        let seeds = packageRoot.appendingPathComponent("seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
            .first { $0.hasPrefix(number + "_") && $0.hasSuffix(".txt") }
        let file = try #require(name, "no seed \(number)")
        return try source(seeds.appendingPathComponent(file), as: "seeds/\(file)")
    }

    static func fixture(_ name: String) throws -> SourceFile {
        try source(fixtureDirectory.appendingPathComponent(name), as: "Fixtures/\(name)")
    }

    static func source(_ url: URL, as path: String) throws -> SourceFile {
        SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: url)))
    }

    /// Decodes and extracts a seed, failing the test if it does not decode.
    static func extraction(ofSeed number: String) throws -> Extraction {
        let decoded = SourceDecoder.decode(try seed(number))
        return ArticleExtractor.extract(try #require(decoded.value))
    }
}
