import ArgumentParser
import Foundation
import SitegenKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check articles and pages without writing: links, anchors, markup, missing fields, duplicates, dates.")

    @OptionGroup var paths: ProjectPaths

    func run() throws {
        let report: SiteChecker.Report
        do {
            report = try SiteChecker.check(paths.buildOptions())
        } catch let error as SitegenError {
            printError(error.description)
            throw ExitCode.failure
        }
        for diagnostic in report.diagnostics { print(diagnostic.description) }
        print("Checked \(counted(report.articles, "article")), \(counted(report.pages, "page")), \(counted(report.links, "link")): "
            + "\(counted(report.errorCount, "error")), \(counted(report.diagnostics.count - report.errorCount, "warning"))")
        if report.errorCount > 0 { throw ExitCode.failure }
    }
}
