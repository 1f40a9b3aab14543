import Foundation

/// One article's input in `seeds/`: a raw page, or an authored Markdown file.
public struct SeedFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case rawPage, authored }

    public var kind: Kind
    /// As the editor names it: `seeds/003_….txt`.
    public var path: String
    public var url: URL
}

/// Lists the seeds: every `.txt` and `.md`, where an `.md` beside a `.txt` of the same
/// name replaces it (that is how an editor corrects an import).
public enum SeedScanner {
    public static func scan(directory: URL, displayPrefix: String) throws -> (seeds: [SeedFile], diagnostics: [Diagnostic]) {
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw SitegenError(path: displayPrefix, message: "the seeds folder cannot be read",
                               fix: "create it and put articles in it, or pass --seeds DIR", causes: [error.localizedDescription])
        }
        var byStem: [String: SeedFile] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let path = displayPrefix.isEmpty ? name : "\(displayPrefix)/\(name)"
            var isDirectory: ObjCBool = false
            fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let ext = url.pathExtension.lowercased()
            let stem = url.deletingPathExtension().lastPathComponent
            switch ext {
            case "md", "markdown":
                byStem[stem] = SeedFile(kind: .authored, path: path, url: url)
            case "txt", "text":
                if byStem[stem]?.kind != .authored { byStem[stem] = SeedFile(kind: .rawPage, path: path, url: url) }
            default:
                diagnostics.append(.warning(path, "not an article (only .txt pages and .md articles are read)",
                                            fix: "rename it to .txt if it is a saved page, or move it out of the seeds folder"))
            }
        }
        return (byStem.values.sorted { $0.path < $1.path }, diagnostics)
    }
}
