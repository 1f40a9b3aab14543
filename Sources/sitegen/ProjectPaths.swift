import ArgumentParser
import Foundation
import SitegenKit

/// The folders every command works on.
struct ProjectPaths: ParsableArguments {
    @Option(help: "Folder of articles (.txt pages and .md articles).") var seeds = "seeds"
    @Option(help: "Folder of Mustache templates and assets.") var templates = "Templates"
    @Option(help: "Folder the site is written to.") var output = "public"
    @Option(help: "Folder the Markdown intermediates of imported pages are written to.") var markdown = ".sitegen/markdown"

    func buildOptions() -> BuildOptions {
        BuildOptions(seeds: URL(fileURLWithPath: seeds), templates: URL(fileURLWithPath: templates),
                     output: URL(fileURLWithPath: output), markdown: URL(fileURLWithPath: markdown))
    }
}

/// Writes a line to standard error, after what was printed to standard output: where both
/// go to one file or pipe (a log), the output's buffer went out later, or cut mid-line.
func printError(_ line: String) {
    fflush(nil)  // every C stream, standard output among them (its variable is not concurrency-safe to name)
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
