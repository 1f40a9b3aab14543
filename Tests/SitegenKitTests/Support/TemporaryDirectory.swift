import Foundation
import Testing
@testable import SitegenKit

/// A fresh folder under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init(_ label: String = "sitegen") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ path: String) -> URL { url.appendingPathComponent(path) }

    func read(_ path: String) -> String? { try? String(contentsOf: file(path), encoding: .utf8) }

    /// Every regular file below the folder, as paths relative to it, sorted.
    func files(under path: String = "") -> [String] {
        let base = file(path)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = url.standardizedFileURL.path + "/"
        return enumerator.compactMap { item -> String? in
            guard let u = item as? URL, (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return String(u.standardizedFileURL.path.dropFirst(prefix.count))
        }.sorted()
    }
}

extension TemporaryDirectory {
    /// The project's templates, this folder's `public/` and `markdown/`, and the given
    /// seeds (the project's own by default).
    func buildOptions(seeds: URL? = nil) -> BuildOptions {
        var options = BuildOptions.project(at: Fixtures.packageRoot)
        if let seeds { options.seeds = seeds }
        options.output = file("public")
        options.markdown = file("markdown")
        return options
    }
}

/// Writes over `file`, a table a build keeps in its cache (its magic, then the stamp of the
/// sitegen that made it, then the table), the two damaged copies every such table must be
/// refused in: cut short, and made by another sitegen. `isRead` says whether the table is
/// read; each copy must not be. The second copy is left in place.
func expectRefusesDamagedCopies(of file: URL, isRead: (URL) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = try Data(contentsOf: file)
    try bytes.prefix(bytes.count - 3).write(to: file)
    #expect(!isRead(file), "cut short", sourceLocation: sourceLocation)
    var other = bytes
    other[8] ^= 0xFF
    try other.write(to: file)
    #expect(!isRead(file), "made by another sitegen", sourceLocation: sourceLocation)
}
