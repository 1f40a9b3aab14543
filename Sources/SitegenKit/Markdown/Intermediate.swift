import Foundation
import Yams

/// The Markdown intermediate: YAML front matter and a CommonMark body. Written for
/// every imported page; read for every authored `.md` seed. Same article, same bytes.
public enum Intermediate {
    /// Front-matter keys, in the order they are written.
    public static let fields = ["title", "date", "source", "region", "regions", "campaigns", "mentions",
                                "origin", "slug", "summary"]

    public static func text(for article: Article) -> String {
        var lines = ["---"]
        lines.append("title: \(quoted(article.title))")
        lines.append("date: \(article.date)")
        if let source = article.source { lines.append("source: \(quoted(source))") }
        if let region = article.region { lines.append("region: \(quoted(region.rawValue))") }
        lines.append("regions: \(list(article.regions))")
        lines.append("campaigns: \(list(article.campaigns))")
        lines.append("mentions: \(list(article.mentions))")
        lines.append("origin: \(quoted(article.origin))")
        lines.append("slug: \(article.slug)")
        lines.append("summary: \(quoted(article.summary))")
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + article.body.markdown
    }

    /// Reads an authored article. `file` is the path as the editor names it; every
    /// diagnostic gives the line in that file.
    public static func parse(_ text: String, file: String) -> Imported<Article> {
        parse(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }, file: file, slugs: SlugMemo())
    }

    /// The same, from lines already split (as `SourceDecoder` gives them); a title's slug
    /// from `slugs` when it gives none.
    static func parse<Line: StringProtocol>(lines: [Line], file: String, slugs: SlugMemo) -> Imported<Article> {
        guard lines.first?.trimmedPageText == "---" else {
            return Imported(nil, diagnostics: [.error(file, line: 1, "no front matter (the file must start with a --- line)",
                fix: "start it with ---, then title: and date: lines, then ---")])
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmedPageText == "---" }) else {
            return Imported(nil, diagnostics: [.error(file, line: 1, "the front matter is never closed",
                fix: "add a --- line after the last field")])
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        // The body as written, from its first line that is not blank. It is not rendered
        // back to CommonMark to normalise it: that took more than twice as long as parsing
        // it (0.37 s against 0.16 s for 10,000 articles), and cmark reads the text as
        // written and its normalised form alike. An imported page's body was normalised
        // when its intermediate was made, so reading the intermediate gives it back as is.
        let bodyStart = lines[(close + 1)...].firstIndex { !$0.allSatisfy(\.isWhitespace) } ?? lines.endIndex
        let body = lines[bodyStart...].joined(separator: "\n")
        // Line n of the YAML is line n + 1 of the file: the opening --- comes first.
        func fileLine(_ mark: Mark?) -> Int? { mark.map { $0.line + 1 } }

        let root: Node
        do {
            // The encoding given: Yams's default reads the process's environment on every call.
            // The basic resolver: every field is read as text, and the default's type rules
            // (numbers, booleans, dates) ran regular expressions on every scalar.
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8), node.mapping != nil else {
                return Imported(nil, diagnostics: [.error(file, line: 2, "the front matter is not a list of fields",
                    fix: "write one field a line, as title: 标题")])
            }
            root = node
        } catch let error as YamlError {
            let (problem, mark) = describe(error)
            return Imported(nil, diagnostics: [.error(file, line: mark.map { $0.line + 1 }, "the front matter is not valid YAML (\(problem))",
                fix: "check quotes and colons on that line; quote values that contain a colon")])
        } catch {
            return Imported(nil, diagnostics: [.error(file, line: 2, "the front matter cannot be read", fix: "\(error)")])
        }
        var diagnostics: [Diagnostic] = []
        let mapping = root.mapping!
        // Each field's value, found in one pass: Yams's `mapping[name]` makes a node of the
        // name and compares it with every key, which for the ten fields read was a quarter
        // of the front matter's time. A key is a field's name as `mapping[name]` would
        // find it (the same text and tag), and the last of equal keys wins, as there.
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !fields.contains(name) {
                diagnostics.append(.warning(file, line: fileLine(key.mark), "unknown field \"\(name)\" is ignored",
                    fix: "use one of: \(fields.joined(separator: ", "))"))
            } else if key == Node(name, mapping.tag.copy(with: .implicit)) {
                values[name] = value
            }
        }
        func string(_ key: String) -> String? {
            guard let value = values[key], let text = value.string?.trimmedPageText, !text.isEmpty else { return nil }
            return text
        }
        func strings(_ key: String) -> [String] {
            guard let value = values[key] else { return [] }
            if let sequence = value.sequence { return sequence.compactMap { $0.string?.trimmedPageText }.filter { !$0.isEmpty } }
            return value.string.map { [$0] } ?? []
        }
        func line(_ key: String) -> Int? { fileLine(values[key]?.mark) }

        guard let title = string("title") else {
            return Imported(nil, diagnostics: diagnostics + [.error(file, line: 2, "no title", fix: "add title: 标题 to the front matter")])
        }
        guard let dateText = string("date") else {
            return Imported(nil, diagnostics: diagnostics + [.error(file, line: 2, "no date", fix: "add date: YYYY-MM-DD to the front matter")])
        }
        guard let date = ArticleDate(frontMatter: dateText) else {
            return Imported(nil, diagnostics: diagnostics + [.error(file, line: line("date"), "date \"\(dateText)\" is not a date",
                fix: "write it as YYYY-MM-DD")])
        }
        var region: RegionCode?
        if let code = string("region") {
            region = RegionCode(code)
            if region == nil {
                diagnostics.append(.warning(file, line: line("region"), "region \"\(code)\" is not a six-digit division code",
                    fix: "use the GB/T 2260 code, e.g. region: \"620121\""))
            }
        }
        // The title's pinyin only when no usable slug is given: the first transliteration
        // of a build loads ICU's rules (tens of milliseconds).
        var given: Slug?
        if let text = string("slug") {
            given = Slug(text)
            if given == nil {
                diagnostics.append(.warning(file, line: line("slug"), "slug \"\(text)\" is not usable in an address",
                    fix: "use lowercase letters, digits and hyphens, e.g. slug: yong-deng-xian"))
            }
        }
        let slug = given ?? slugs.slug(for: title) ?? ArticleImporter.fallbackSlug(for: file)
        let document = CmarkDocument(markdown: body)
        let article = Article(
            title: title, date: date, source: string("source"), region: region, regions: strings("regions"),
            campaigns: strings("campaigns"), mentions: strings("mentions"), origin: string("origin") ?? file, slug: slug,
            summary: string("summary") ?? SummaryMaker.summary(of: document.paragraphs(first: 3)), body: body)
        return Imported(article, diagnostics: diagnostics)
    }
}

private extension Intermediate {
    /// A YAML double-quoted scalar: always quoted, so no title can turn into another type.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (problem, mark)
        default:
            return (String(describing: error), nil)
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
