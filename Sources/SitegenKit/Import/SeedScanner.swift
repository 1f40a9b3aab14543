import Foundation

/// One article's input in `seeds/`: a raw page, or an authored Markdown file.
public struct SeedFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case rawPage, authored }

    public var kind: Kind
    /// The seeds folder's name and the file's: `seeds/003_….txt`, wherever sitegen runs
    /// from. Messages name the seed by it, it is the article's `origin`, and the caches know
    /// the seed by it: a build run from another folder finds them all still good.
    public var path: String
    /// Where it is on disk.
    public var filePath: String
    public var url: URL { URL(fileURLWithPath: filePath, isDirectory: false) }
}

/// Lists the seeds: every `.txt` and `.md`, where an `.md` beside a `.txt` of the same
/// name replaces it (that is how an editor corrects an import).
public enum SeedScanner {
    /// Names each seed `<folder name>/<file>` (`SeedFile.path`); the folder's own name by
    /// default.
    public static func scan(directory: URL, folderName: String? = nil) throws -> (seeds: [SeedFile], diagnostics: [Diagnostic]) {
        guard let entries = entries(of: directory) else {
            throw SitegenError(path: Build.displayPath(directory), message: "the seeds folder cannot be read",
                               fix: "create it and put articles in it, or pass --seeds DIR", causes: [String(cString: strerror(errno))])
        }
        var byStem: [String: SeedFile] = [:]
        byStem.reserveCapacity(entries.count)
        var diagnostics: [Diagnostic] = []
        let base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        let folder = folderName ?? directory.standardizedFileURL.lastPathComponent
        let prefix = folder.isEmpty || folder == "/" ? "" : folder + "/"
        for (name, isFolder) in entries where !isFolder && name.utf8.first != UInt8(ascii: ".") {
            let filePath = base + name
            let path = prefix + name
            // Plain string work on the bytes: Foundation's path methods, and even Swift's
            // character-by-character search, cost more than the rest of the scan.
            let dot = name.utf8.lastIndex(of: UInt8(ascii: "."))
            let ext = dot.map { name.utf8[name.utf8.index(after: $0)...] } ?? name.utf8[name.utf8.endIndex...]
            let stem = dot.map { String(name[..<$0]) } ?? name
            // Entries come in no particular order: of two files of one kind and stem
            // (`a.md`, `a.markdown`), the one whose name sorts last is read, on every machine.
            let kind: SeedFile.Kind
            // In any case, compared as ASCII bytes (lowercasing a String for each took longer).
            func isExtension(_ wanted: String) -> Bool {
                ext.count == wanted.utf8.count && zip(ext, wanted.utf8).allSatisfy { $0 | 0x20 == $1 }
            }
            if isExtension("md") || isExtension("markdown") {
                kind = .authored
            } else if isExtension("txt") || isExtension("text") {
                kind = .rawPage
            } else {
                diagnostics.append(.warning(path, "not an article (only .txt pages and .md articles are read)",
                                            fix: "rename it to .txt if it is a saved page, or move it out of the seeds folder"))
                continue
            }
            if let other = byStem[stem], other.kind == .authored && kind == .rawPage || other.kind == kind && other.path > path { continue }
            byStem[stem] = SeedFile(kind: kind, path: path, filePath: filePath)
        }
        return (byStem.values.sorted { String.precedesByBytes($0.path, $1.path) }, diagnostics.sorted { $0.file < $1.file })
    }

    /// The names in `directory`, each saying whether it is a folder, from one pass over its
    /// entries: their types say so, and a folder of ten thousand seeds is not stat'ed file
    /// by file. Nil when it cannot be read.
    private static func entries(of directory: URL) -> [(name: String, isFolder: Bool)]? {
        FolderEntries.read(directory.path)?.map { entry in
            switch entry.type {
            case Int32(DT_DIR): return (entry.name, true)
            case Int32(DT_UNKNOWN), Int32(DT_LNK):
                // The file system does not say, or a link: ask it.
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: directory.appendingPathComponent(entry.name).path, isDirectory: &isDirectory)
                return (entry.name, exists && isDirectory.boolValue)
            default: return (entry.name, false)
            }
        }
    }
}
