import ArgumentParser
import Foundation
import SitegenKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build seeds/ and Templates/ into public/.")

    @OptionGroup var paths: ProjectPaths
    @Option(help: "Absolute URL the site will be served from (for feeds, sitemap and canonical links).")
    var baseURL = SiteConfig.defaultBaseURL
    @Flag(help: "Exit non-zero when any article has an error.") var strict = false

    func run() throws {
        var options = paths.buildOptions()
        options.config = SiteConfig(baseURL: baseURL)
        options.isStrict = strict
        let report: BuildReport
        do {
            report = try Build.run(options)
        } catch let error as SitegenError {
            printError(error.description)
            throw ExitCode.failure
        }
        for diagnostic in report.diagnostics { printError(diagnostic.description) }
        let o = report.output
        print("Built \(counted(report.articles, "article")) into \(paths.output)/: \(counted(report.pages, "page")), "
            + "\(counted(o.written, "file")) written, \(o.unchanged) unchanged, \(o.removed) removed, in \(String(format: "%.2f", report.seconds)) s"
            + (report.diagnostics.isEmpty ? "" : "; \(counted(report.errorCount, "error")), \(counted(report.diagnostics.count - report.errorCount, "warning"))"))
        if report.articles == 0 || (strict && report.errorCount > 0) { throw ExitCode.failure }
    }
}
