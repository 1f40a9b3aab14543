import Foundation

/// Reads every seed into an `Article`, in parallel, and makes slugs unique.
public enum ArticleLoader {
    public static func load(_ seeds: [SeedFile], importer: ArticleImporter = ArticleImporter(resolver: RegionResolver(gazetteer: .shared)))
        throws -> (articles: [Article], diagnostics: [Diagnostic]) {
        let results: [Imported<Article>] = try seeds.parallelMap { seed in
            guard let data = FileManager.default.contents(atPath: seed.url.path) else {
                return Imported(nil, diagnostics: [.error(seed.path, "the file cannot be read", fix: "check its permissions")])
            }
            let file = SourceFile(path: seed.path, bytes: [UInt8](data))
            switch seed.kind {
            case .rawPage: return importer.importPage(file)
            case .authored:
                let decoded = SourceDecoder.decode(file)
                guard let text = decoded.value else { return Imported(nil, diagnostics: decoded.diagnostics) }
                return Intermediate.parse(text.lines.joined(separator: "\n"), file: seed.path)
            }
        }
        let (unique, duplicates) = DuplicateFinder.fold(results.compactMap(\.value))
        var slugs = SlugRegistry()
        // In seed order, so the first of two same-titled articles keeps the plain slug and
        // the others are numbered, the same way on every build.
        let articles = unique.sorted { $0.origin < $1.origin }.map { article -> Article in
            var article = article
            article.slug = slugs.unique(article.slug)
            return article
        }
        return (articles, results.flatMap(\.diagnostics) + duplicates)
    }
}

/// Writes the intermediates of imported pages, so tools outside the project can read them.
enum IntermediateWriter {
    static func write(_ articles: [Article], to directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for article in articles {
                let name = (article.origin as NSString).lastPathComponent
                let stem = (name as NSString).deletingPathExtension
                let url = directory.appendingPathComponent(stem + ".md")
                let bytes = Data(Intermediate.text(for: article).utf8)
                if FileManager.default.contents(atPath: url.path) != bytes { try bytes.write(to: url, options: .atomic) }
            }
        } catch {
            throw SitegenError(path: directory.path, message: "the Markdown intermediates cannot be written",
                               fix: "check that the folder is writable, or pass --markdown DIR", causes: [error.localizedDescription])
        }
    }
}
