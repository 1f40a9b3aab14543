import ArgumentParser
import Foundation
import SitegenKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build seeds/ and Templates/ into public/.")

    @Option(help: "Folder of articles (.txt pages and .md articles).") var seeds = "seeds"
    @Option(help: "Folder of Mustache templates and assets.") var templates = "Templates"
    @Option(help: "Folder the site is written to.") var output = "public"
    @Option(help: "Folder the Markdown intermediates of imported pages are written to.") var markdown = ".sitegen/markdown"
    @Option(help: "Absolute URL the site will be served from (for feeds, sitemap and canonical links).")
    var baseURL = SiteConfig.defaultBaseURL
    @Flag(help: "Exit non-zero when any article has an error.") var strict = false

    func run() throws {
        let options = BuildOptions(
            seeds: URL(fileURLWithPath: seeds), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), markdown: URL(fileURLWithPath: markdown),
            config: SiteConfig(baseURL: baseURL), isStrict: strict)
        let report: BuildReport
        do {
            report = try Build.run(options)
        } catch let error as SitegenError {
            printError(error.description)
            throw ExitCode.failure
        }
        for diagnostic in report.diagnostics { printError(diagnostic.description) }
        let o = report.output
        print("Built \(report.articles) articles into \(output)/: \(report.pages) pages, \(o.written) files written, "
            + "\(o.unchanged) unchanged, \(o.removed) removed, in \(String(format: "%.2f", report.seconds)) s"
            + (report.diagnostics.isEmpty ? "" : "; \(report.errorCount) errors, \(report.diagnostics.count - report.errorCount) warnings"))
        if report.articles == 0 || (strict && report.errorCount > 0) { throw ExitCode.failure }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
