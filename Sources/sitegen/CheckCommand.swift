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
        print("Checked \(report.articles) articles, \(report.pages) pages, \(report.links) links: "
            + "\(report.errorCount) errors, \(report.diagnostics.count - report.errorCount) warnings")
        if report.errorCount > 0 { throw ExitCode.failure }
    }
}
