import ArgumentParser
import Foundation
import Synchronization
import SitegenKit
import SitegenServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Build, serve on 127.0.0.1, rebuild and reload on every change.")

    @OptionGroup var paths: ProjectPaths
    @Option(help: "Port to listen on (0 picks a free one).") var port: UInt16 = 8080
    @Option(help: "Folder the preview is built into (the output folder, public/, is left as the last build made it).")
    var preview = ".sitegen/preview"

    /// The server is asynchronous (SwiftNIO); the root command is not (see `Sitegen`), so
    /// the main thread waits here while the server runs on the concurrency runtime's threads.
    func run() throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Void, Error>>(.success(()))
        Task { [self] in
            do { try await serve() } catch { outcome.withLock { $0 = .failure(error) } }
            finished.signal()
        }
        finished.wait()
        try outcome.withLock { try $0.get() }
    }

    private func serve() async throws {
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
