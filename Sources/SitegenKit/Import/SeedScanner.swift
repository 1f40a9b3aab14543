import Foundation

/// One article's input in `seeds/`: a raw page, or an authored Markdown file.
public struct SeedFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case rawPage, authored }

    public var kind: Kind
    /// As the editor names it: `seeds/003_….txt`.
    public var path: String
    /// Where it is on disk.
    public var filePath: String
    public var url: URL { URL(fileURLWithPath: filePath, isDirectory: false) }
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
        let folders = subfolders(of: directory)
        let base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        for name in names where !name.hasPrefix(".") && !folders.contains(name) {
            let filePath = base + name
            let path = displayPrefix.isEmpty ? name : "\(displayPrefix)/\(name)"
            // Plain string work: Foundation's path methods cost more than the rest of the scan.
            let dot = name.lastIndex(of: ".")
            let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
            let stem = dot.map { String(name[..<$0]) } ?? name
            switch ext {
            case "md", "markdown":
                byStem[stem] = SeedFile(kind: .authored, path: path, filePath: filePath)
            case "txt", "text":
                if byStem[stem]?.kind != .authored { byStem[stem] = SeedFile(kind: .rawPage, path: path, filePath: filePath) }
            default:
                diagnostics.append(.warning(path, "not an article (only .txt pages and .md articles are read)",
                                            fix: "rename it to .txt if it is a saved page, or move it out of the seeds folder"))
            }
        }
        return (byStem.values.sorted { $0.path < $1.path }, diagnostics)
    }

    /// The names of the folders in `directory`, from the directory entries' types, so a
    /// folder of ten thousand seeds is not stat'ed file by file.
    private static func subfolders(of directory: URL) -> Set<String> {
        guard let stream = opendir(directory.path) else { return [] }
        defer { closedir(stream) }
        var folders: Set<String> = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): folders.insert(name)
            case Int32(DT_UNKNOWN), Int32(DT_LNK):
                // The file system does not say, or a link: ask it.
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory),
                   isDirectory.boolValue { folders.insert(name) }
            default: break
            }
        }
        return folders
    }
}
