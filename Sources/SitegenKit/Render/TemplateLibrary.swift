import Foundation
import Mustache

/// The site's Mustache templates, read from `Templates/` at run time so the look can
/// change without recompiling. A template that does not parse stops the build with its
/// file and line.
public struct TemplateLibrary: Sendable {
    /// The templates every build needs; a missing one is reported before anything renders.
    public static let required = ["layout", "home", "article", "regions", "region", "campaigns", "campaign",
                                  "timeline", "year", "search", "404", "feed", "sitemap", "card"]

    let library: MustacheLibrary
    /// Hash of each template's text, and of the templates every page can use (the layout
    /// and partials): a page's output depends on its own template and those.
    private let hashes: [String: UInt64]
    private let sharedHash: UInt64
    /// Folder the templates came from, for messages.
    public let directory: String
    /// Non-template files in the folder (the stylesheet, scripts), relative to it.
    public let assets: [String]

    public init(directory: String) throws {
        HTMLEscaping.registered
        self.directory = directory
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SitegenError(path: directory, message: "the templates folder does not exist",
                               fix: "run sitegen in the project folder, or pass --templates DIR")
        }
        var templates: [String: MustacheTemplate] = [:]
        var hashes: [String: UInt64] = [:]
        var assets: [String] = []
        let files = (fm.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        for file in files {
            let full = (directory as NSString).appendingPathComponent(file)
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue || file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard file.hasSuffix(".mustache") else {
                assets.append(file)
                continue
            }
            let name = String(file.dropLast(".mustache".count))
            guard let data = fm.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
                throw SitegenError(path: full, message: "the template cannot be read as UTF-8 text",
                                   fix: "save it as UTF-8")
            }
            hashes[name] = StableHasher.hash(text)
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw SitegenError(path: full, line: error.context.lineNumber,
                                   message: "the template does not parse (\(Self.describe(error.error)))",
                                   fix: "fix the tag near column \(error.context.columnNumber): \(error.context.line.trimmingCharacters(in: .whitespaces))")
            }
        }
        for name in Self.required where templates[name] == nil {
            throw SitegenError(path: (directory as NSString).appendingPathComponent(name + ".mustache"),
                               message: "the template is missing", fix: "restore it from the sitegen repository's Templates/ folder")
        }
        library = MustacheLibrary(templates: templates)
        var shared = StableHasher()
        for (name, hash) in hashes.sorted(by: { $0.key < $1.key }) where name == "layout" || !Self.required.contains(name) {
            shared.combine(name)
            shared.combine(hash)
        }
        self.hashes = hashes
        sharedHash = shared.finalize()
        self.assets = assets
    }

    func render(_ context: Any, with name: String) throws -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw SitegenError(path: (directory as NSString).appendingPathComponent(name + ".mustache"),
                               message: "the template is missing", fix: "restore it from the sitegen repository's Templates/ folder")
        }
        return text
    }

    /// All the templates together.
    var fingerprint: UInt64 {
        var hasher = StableHasher()
        for (name, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(hash)
        }
        return hasher.finalize()
    }

    /// What a page rendered with `name` depends on among the templates.
    func fingerprint(of name: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(sharedHash)
        hasher.combine(name)
        hasher.combine(hashes[name] ?? 0)
        return hasher.finalize()
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed"
        default: return String(describing: error)
        }
    }
}
