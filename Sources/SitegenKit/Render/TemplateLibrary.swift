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
    /// The templates' texts and the folder's other files.
    let sources: Sources
    /// Whether every tag of the templates that names `body` places it whole, as it is:
    /// `{{{body}}}` or `{{& body}}`, with Mustache's own delimiters (the project's
    /// templates do). Then an article page's body can go into the rendered page as bytes
    /// (`SiteRenderer.bodyMarker`); a tag that escapes it, tests it or transforms it needs
    /// the text itself. (Any other tag that has the word, a comment or a partial's name,
    /// counts against it too.)
    let placesBodyWhole: Bool
    /// Folder the templates came from, for messages.
    public var directory: String { sources.directory }
    /// Non-template files in the folder (the stylesheet, scripts), relative to it.
    public var assets: [String] { sources.assets }

    public init(directory: String) throws {
        try self.init(parsing: try Sources(directory: directory))
    }

    /// Parses the templates of `sources`.
    init(parsing sources: Sources) throws {
        HTMLEscaping.registered
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in sources.texts.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw SitegenError(path: (sources.directory as NSString).appendingPathComponent(name + ".mustache"), line: error.context.lineNumber,
                                   message: "the template does not parse (\(Self.describe(error.error)))",
                                   fix: "fix the tag near column \(error.context.columnNumber): \(error.context.line.trimmingCharacters(in: .whitespaces))")
            }
        }
        library = MustacheLibrary(templates: templates)
        self.sources = sources
        placesBodyWhole = sources.texts.values.allSatisfy(Self.placesBodyWhole)
    }

    /// Read on the bytes, tag by tag (`{{{…}}}` or `{{…}}`, neither holding a `}`): with
    /// three Swift `Regex`es, made and run for each template, this took 6 ms of CPU in a
    /// rebuild after an edit.
    static func placesBodyWhole(_ text: String) -> Bool {
        // Delimiters set otherwise make tags this does not read.
        guard !text.contains("{{=") else { return false }
        let bytes = Array(text.utf8)
        let (open, close) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
        /// Where the tag with `braces` braces at `start` ends, if it is one.
        func tagEnd(_ start: Int, braces: Int) -> Int? {
            guard start + braces <= bytes.count, bytes[start..<(start + braces)].allSatisfy({ $0 == open }),
                  let first = bytes[(start + braces)...].firstIndex(of: close),
                  first + braces <= bytes.count, bytes[first..<(first + braces)].allSatisfy({ $0 == close })
            else { return nil }
            return first + braces
        }
        var i = 0
        while i < bytes.count {
            guard let end = tagEnd(i, braces: 3) ?? tagEnd(i, braces: 2) else {
                i += 1
                continue
            }
            if namesBody(bytes[i..<end]), !placesWhole(bytes[i..<end]) { return false }
            i = end
        }
        return true
    }

    /// Whether `tag` has the word `body` (not inside a longer name such as `nobody`).
    private static func namesBody(_ tag: ArraySlice<UInt8>) -> Bool {
        func isNamePart(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        let word = Array("body".utf8)
        var at = tag.startIndex
        while at + word.count <= tag.endIndex {
            if tag[at..<(at + word.count)].elementsEqual(word), at == tag.startIndex || !isNamePart(tag[at - 1]),
               at + word.count == tag.endIndex || !isNamePart(tag[at + word.count]) {
                return true
            }
            at += 1
        }
        return false
    }

    /// Whether `tag` is `{{{body}}}` or `{{& body}}`, with any spaces inside.
    private static func placesWhole(_ tag: ArraySlice<UInt8>) -> Bool {
        let inner: ArraySlice<UInt8>
        if tag.count >= 6, tag.starts(with: "{{{".utf8), tag.reversed().starts(with: "}}}".utf8) {
            inner = tag.dropFirst(3).dropLast(3)
        } else if tag.count >= 5, tag.starts(with: "{{&".utf8), tag.reversed().starts(with: "}}".utf8) {
            inner = tag.dropFirst(3).dropLast(2)
        } else {
            return false
        }
        let isSpace: (UInt8) -> Bool = { [9, 10, 11, 12, 13, 32].contains($0) }
        return inner.drop(while: isSpace).reversed().drop(while: isSpace).reversed().elementsEqual("body".utf8)
    }

    /// The templates folder as text: what a build compares with the last one's before it
    /// parses anything (parsing took about 3 ms of a rebuild with nothing changed).
    struct Sources: Sendable {
        let directory: String
        /// Each template's name (its file's, without `.mustache`) and text.
        let texts: [String: String]
        /// Hash of each template's text, and of the templates every page can use (the
        /// layout and partials): a page's output depends on its own template and those.
        private let hashes: [String: UInt64]
        private let sharedHash: UInt64
        let assets: [String]

        init(directory: String) throws {
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SitegenError(path: directory, message: "the templates folder does not exist",
                                   fix: "run sitegen in the project folder, or pass --templates DIR")
            }
            var texts: [String: String] = [:]
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
                guard let data = fm.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
                    throw SitegenError(path: full, message: "the template cannot be read as UTF-8 text",
                                       fix: "save it as UTF-8")
                }
                texts[String(file.dropLast(".mustache".count))] = text
            }
            for name in TemplateLibrary.required where texts[name] == nil {
                throw SitegenError(path: (directory as NSString).appendingPathComponent(name + ".mustache"),
                                   message: "the template is missing", fix: "restore it from the sitegen repository's Templates/ folder")
            }
            hashes = texts.mapValues { StableHasher.hash($0) }
            var shared = StableHasher()
            for (name, hash) in hashes.sorted(by: { $0.key < $1.key }) where name == "layout" || !TemplateLibrary.required.contains(name) {
                shared.combine(name)
                shared.combine(hash)
            }
            sharedHash = shared.finalize()
            (self.directory, self.texts, self.assets) = (directory, texts, assets)
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
    }

    func render(_ context: Any, with name: String) throws -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw SitegenError(path: (directory as NSString).appendingPathComponent(name + ".mustache"),
                               message: "the template is missing", fix: "restore it from the sitegen repository's Templates/ folder")
        }
        return text
    }

    /// All the templates together.
    var fingerprint: UInt64 { sources.fingerprint }

    /// What a page rendered with `name` depends on among the templates.
    func fingerprint(of name: String) -> UInt64 { sources.fingerprint(of: name) }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed"
        default: return String(describing: error)
        }
    }
}
