import Foundation
import SitegenKit
import Synchronization

/// `sitegen serve`: builds the site, serves it on 127.0.0.1, rebuilds when a seed or a
/// template changes, and reloads open pages. The reload script is added to pages as they
/// are served; it is never written into the output.
///
/// The preview is built into a folder of its own (`options.output`; `sitegen serve` uses
/// `.sitegen/preview/`), never into `public/`: its feeds, sitemap and canonical links name
/// the preview's address, and `public/` stays as the last `sitegen build` made it, ready to
/// publish. Each folder keeps its own cache, so going back and forth rebuilds neither.
public final class PreviewServer: Sendable {
    /// What to build and where: the base URL is replaced by the address served.
    public let options: BuildOptions
    /// The port asked for: 0 picks a free one.
    private let port: UInt16
    private let server = Mutex<LoopbackHTTPServer?>(nil)
    let state = SiteState()
    let log: @Sendable (String) -> Void
    /// `options` with the base URL of the port listened on, once it is known.
    private let served = Mutex<BuildOptions?>(nil)
    /// The seeds and templates as they were when the last build began: a change made
    /// after that, even while that build ran, differs from it and is built next.
    private let lastBuilt = Mutex<FolderSnapshot?>(nil)

    /// Port 0 picks a free port; `start()` returns the one in use.
    public init(options: BuildOptions, port: UInt16, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.options = options
        self.port = port
        self.log = log
    }

    /// Starts listening, builds once, and returns the port. Keep calling `watch()` to
    /// rebuild on change. (Listening first: with port 0 the address is known only then,
    /// and the pages' absolute links need it.)
    public func start() async throws -> UInt16 {
        let files = StaticFiles(root: options.output, state: state)
        let listening: LoopbackHTTPServer
        do {
            listening = try await LoopbackHTTPServer.start(port: self.port) { request in files.respond(to: request) }
        } catch {
            throw SitegenError(path: "127.0.0.1:\(self.port)", message: "the preview server could not start",
                               fix: "choose another port with --port", causes: [String(describing: error)])
        }
        server.withLock { $0 = listening }
        let port = listening.port
        var options = options
        options.config.baseURL = "http://127.0.0.1:\(port)/"
        served.withLock { $0 = options }
        await rebuild()
        return port
    }

    /// Watches `seeds/` and `Templates/` and rebuilds after each change, until cancelled.
    /// (Compared with what the last build began from, not with a first look taken here:
    /// an edit saved while `start()` built, before watching began, was never built.)
    public func watch(interval: Duration = .milliseconds(300)) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if watchedFolders() != lastBuilt.withLock({ $0 }) { await rebuild() }
        }
    }

    private func watchedFolders() -> FolderSnapshot { FolderSnapshot(of: [options.seeds, options.templates]) }

    public func stop() async { await server.withLock({ $0 })?.stop() }

    /// A failed build keeps the previous site (the writer never swaps in a broken one).
    func rebuild() async {
        do {
            guard let options = served.withLock({ $0 }) else { return }
            // Taken before the build reads anything: what it may have missed differs from it.
            let before = watchedFolders()
            lastBuilt.withLock { $0 = before }
            let report = try Build.run(options, log: { _ in })
            for diagnostic in report.diagnostics { log(diagnostic.description) }
            state.bump()
            log("Rebuilt: \(counted(report.articles, "article")), \(counted(report.output.written, "file")) written in \(String(format: "%.2f", report.seconds)) s")
        } catch {
            log(String(describing: error))
        }
    }
}

/// The version of the site being served; open pages reload when it changes.
final class SiteState: Sendable {
    private let count = Mutex(0)
    var version: Int { count.withLock { $0 } }
    func bump() { count.withLock { $0 += 1 } }
}

/// Sizes and modification times of every file below some folders: cheap to take, and
/// any edit, addition or removal changes it.
struct FolderSnapshot: Equatable, Sendable {
    var entries: [String: [Double]] = [:]

    init(of folders: [URL]) {
        let fm = FileManager.default
        for folder in folders {
            guard let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
            else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                entries[url.path] = [values?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values?.fileSize ?? 0)]
            }
        }
    }
}
