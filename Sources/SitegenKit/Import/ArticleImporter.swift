import Foundation

/// Raw page → `Article`: decode, extract, find campaigns and region, and build the
/// CommonMark body through cmark's AST.
public struct ArticleImporter: Sendable {
    public let resolver: RegionResolver
    /// Titles' slugs already made (this build's, and those the article cache kept).
    let slugs: SlugMemo

    public init(resolver: RegionResolver) {
        self.init(resolver: resolver, slugs: SlugMemo())
    }

    init(resolver: RegionResolver, slugs: SlugMemo) {
        self.resolver = resolver
        self.slugs = slugs
    }

    public func importPage(_ file: SourceFile) -> Imported<Article> {
        let decoded = SourceDecoder.decode(file)
        guard let text = decoded.value else { return Imported(nil, diagnostics: decoded.diagnostics) }
        return article(from: ArticleExtractor.extract(text), file: file.path)
    }

    /// The article an extraction describes, or nil with the reasons an editor can act on.
    public func article(from extraction: Extraction, file: String) -> Imported<Article> {
        let correction = Self.correctionPath(for: file)
        let paragraphs = extraction.paragraphs

        guard !extraction.blocks.isEmpty, paragraphs.contains(where: { $0.count >= 20 }) else {
            return Imported(nil, diagnostics: [.error(file, "no article text found (only site menus, links and footer)",
                fix: "check that the file holds the article's page, or write \(correction) by hand")])
        }
        guard let title = extraction.title, !title.isEmpty else {
            return Imported(nil, diagnostics: [.error(file, line: extraction.bodyLines?.lowerBound,
                "no headline found above the article",
                fix: "put the headline on its own line above the date, or write \(correction) with a title:")])
        }
        guard let date = extraction.date else {
            let message = extraction.ambiguousDate.map { "the date \"\($0)\" could be day/month or month/day" }
                ?? "no publication date found (looked for lines like 日期：2023-07-04 or 发布时间:2023-07-04)"
            return Imported(nil, diagnostics: [.error(file, line: extraction.titleLine, message,
                fix: "add a dateline such as 发布时间：YYYY-MM-DD under the headline, or write \(correction) with date: YYYY-MM-DD")])
        }

        let campaigns = CampaignFinder.campaigns(title: title, tag: extraction.titleTag, paragraphs: paragraphs)
        let mentions = CampaignFinder.mentions(in: paragraphs, excluding: campaigns)

        let resolution = resolver.resolve(title: title, source: extraction.source,
                                          lead: paragraphs.prefix(2).joined(separator: "\n"),
                                          body: extraction.plainBody)
        let body = CmarkDocument(blocks: extraction.blocks).commonMark()
        let article = Article(
            title: title, date: date, source: extraction.source,
            region: resolution?.region.code, regions: resolution?.chain.map(\.name) ?? [],
            campaigns: campaigns, mentions: mentions, origin: file,
            slug: slugs.slug(for: title) ?? Self.fallbackSlug(for: file),
            summary: SummaryMaker.summary(of: paragraphs), body: body)
        return Imported(article)
    }

    /// `seeds/003.txt` → `seeds/003.md`: the file whose front matter overrides an import.
    /// Reads and imports each file across all cores, writing each article's intermediate
    /// into `intermediates` (as `<stem>.md`) when given; results in the order given.
    public func importFiles(_ paths: [String], writingIntermediatesTo intermediates: URL? = nil) throws -> [Imported<Article>] {
        try paths.parallelMap { path in
            guard let bytes = FileBytes.read(path) else {
                return Imported(nil, diagnostics: [.error(path, "the file cannot be read", fix: "check the path")])
            }
            let result = importPage(SourceFile(path: path, bytes: bytes))
            if let directory = intermediates, let article = result.value {
                try AtomicFile.write(Array(Intermediate.text(for: article).utf8), to: Self.intermediatePath(for: path, in: directory).path)
            }
            return result
        }
    }

    /// Where the intermediate of the page at `path` goes in `directory`.
    public static func intermediatePath(for path: String, in directory: URL) -> URL {
        directory.appendingPathComponent(((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".md")
    }

    public static func correctionPath(for file: String) -> String {
        guard let dot = file.lastIndex(of: "."), !file[dot...].contains("/") else { return file + ".md" }
        return String(file[..<dot]) + ".md"
    }

    /// For a title with nothing to transliterate: the file's own name, made safe.
    static func fallbackSlug(for file: String) -> Slug {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return Slug(transliterating: stem) ?? Slug("article")!
    }
}
