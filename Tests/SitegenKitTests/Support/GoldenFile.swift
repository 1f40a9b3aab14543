import Foundation
import Testing

/// Compares output with a file under `Tests/SitegenKitTests/Golden/`. On a mismatch the
/// test fails with the path and a diff. `SITEGEN_RECORD_GOLDEN=1 swift test` rewrites the
/// files instead; review the diff before committing it.
enum GoldenFile {
    static let directory = Fixtures.packageRoot.appendingPathComponent("Tests/SitegenKitTests/Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SITEGEN_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.path); record it with SITEGEN_RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(url.path) differs from the output:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// A line diff through the system's diff(1), which every CI machine here has.
    static func diff(_ expected: String, _ actual: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("expected"), b = dir.appendingPathComponent("actual")
        try? Data(expected.utf8).write(to: a)
        try? Data(actual.utf8).write(to: b)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", a.path, b.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
