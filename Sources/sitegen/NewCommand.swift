import ArgumentParser
import Foundation
import SitegenKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start an authored article in seeds/ with complete front matter.")

    @Argument(help: "The article's title.") var title: String
    @Option(help: "Division: its name (永登县) or six-digit code (620121).") var region: String?
    @Option(help: "A campaign (work model) it is about; repeat for more.") var campaign: [String] = []
    @Option(help: "Publication date, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Folder of articles.") var seeds = "seeds"

    func run() throws {
        do {
            var day = ArticleDate.today()
            if let date {
                guard let parsed = ArticleDate(frontMatter: date) else {
                    throw SitegenError(path: seeds, message: "\"\(date)\" is not a date", fix: "write it as YYYY-MM-DD")
                }
                day = parsed
            }
            let draft = try ArticleDraft.make(title: title, region: region, campaigns: campaign, date: day, seedsFolder: seeds)
            let path = (seeds as NSString).appendingPathComponent(draft.fileName)
            guard !FileManager.default.fileExists(atPath: path) else {
                throw SitegenError(path: path, message: "the file already exists", fix: "edit it, or choose another title")
            }
            try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: true)
            try Data(draft.text.utf8).write(to: URL(fileURLWithPath: path))
            print("Wrote \(path): fill in source:, summary: and the text, then run sitegen build")
        } catch let error as SitegenError {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}
