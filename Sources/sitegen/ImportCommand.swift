import ArgumentParser
import Foundation
import SitegenKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Show what is extracted from raw pages, and write their Markdown intermediates.")

    @Argument(help: "Raw page files (.txt), or folders: every .txt page in each, by name.") var files: [String]
    @Option(help: "Folder the Markdown intermediates are written to.") var markdown = ".sitegen/markdown"
    @Flag(help: "Also write the extracted .md beside each raw file, to correct by hand; it wins over the .txt from then on.")
    var keep = false

    func run() throws {
        let importer = ArticleImporter(resolver: RegionResolver(gazetteer: .shared))
        let directory = URL(fileURLWithPath: markdown)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var failures = 0
        let files = Self.pages(named: files)
        // Extraction and writing run on all cores; what was found is printed in order.
        for (path, result) in zip(files, try importer.importFiles(files, writingIntermediatesTo: directory)) {
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            guard let article = result.value else {
                failures += 1
                continue
            }
            print(describe(article, writtenTo: ArticleImporter.intermediatePath(for: path, in: directory).path))
            if keep {
                let beside = ArticleImporter.correctionPath(for: path)
                guard !FileManager.default.fileExists(atPath: beside) else {
                    printError("\(beside): error: the file already exists, and it wins over \(path); edit it, or delete it to import again")
                    failures += 1
                    continue
                }
                try Data(Intermediate.text(for: article).utf8).write(to: URL(fileURLWithPath: beside))
                print("  kept       \(beside) (edit it to correct the import)\n")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    /// The pages the arguments name: a file as it is, a folder as the `.txt` pages in it,
    /// by name. (A folder is also how to import thousands of pages in one process: the
    /// argument parser takes time that grows with the square of their number.)
    static func pages(named arguments: [String]) -> [String] {
        func isFolder(_ path: String) -> Bool {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        }
        return arguments.flatMap { path -> [String] in
            guard isFolder(path) else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            // Pages only, as a build takes them: a folder named like a page is not one.
            return names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }.filter { !isFolder($0) }
        }
    }

    func describe(_ article: Article, writtenTo path: String) -> String {
        """
        \(article.origin)
          title      \(article.title)
          date       \(article.date)
          source     \(article.source ?? "—")
          region     \(article.region.map { "\($0) \(article.regions.joined(separator: " › "))" } ?? "—")
          campaigns  \(article.campaigns.joined(separator: ", "))
          mentions   \(article.mentions.joined(separator: ", "))
          slug       \(article.slug)
          summary    \(article.summary)
          written    \(path)

        """
    }
}
