import ArgumentParser
import Foundation
import SitegenKit
import SitegenServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Build, serve on 127.0.0.1, rebuild and reload on every change.")

    @OptionGroup var paths: ProjectPaths
    @Option(help: "Port to listen on (0 picks a free one).") var port: UInt16 = 8080
    @Option(help: "Folder the preview is built into (the output folder, public/, is left as the last build made it).")
    var preview = ".sitegen/preview"

    func run() async throws {
        var options = paths.buildOptions()
        options.output = URL(fileURLWithPath: preview)
        // Written straight through, so the log reaches a pipe or a file as it happens.
        let say: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        let server = PreviewServer(options: options, port: port, log: say)
        let actual = try await server.start()
        say("Serving \(preview)/ at http://127.0.0.1:\(actual)/ — watching \(paths.seeds)/ and \(paths.templates)/ (Ctrl-C stops)")
        await server.watch()
    }
}
