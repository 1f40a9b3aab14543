import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import SitegenKit
@testable import SitegenServe

@Suite("sitegen serve")
struct PreviewServerTests {
    /// A project folder with the real seeds and templates, to edit freely.
    static func project() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("serve")
        for folder in ["seeds", "Templates"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent(folder), to: dir.file(folder))
        }
        return dir
    }

    static func get(_ port: UInt16, _ path: String) async throws -> (Int, String, String) {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
    }

    /// Renames the 康巴什区 article's 之花 to 之花朵, as an editor saving the seed would.
    static func editSeed(in dir: TemporaryDirectory) throws {
        let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("seeds").path).first { $0.hasPrefix("003") })
        let url = dir.file("seeds/\(seed)")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "处处盛开民族团结之花", with: "处处盛开民族团结之花朵").write(to: url, atomically: true, encoding: .utf8)
    }

    /// The site's version once it is no longer `before`, or `before` after 10 s.
    static func version(_ port: UInt16, after before: String) async throws -> String {
        var version = before
        for _ in 0..<100 where version == before {
            try await Task.sleep(for: .milliseconds(100))
            version = try await get(port, "/__sitegen/version").2
        }
        return version
    }

    /// The project built for publishing, then previewed as `sitegen serve` does.
    static func previewOptions(_ dir: TemporaryDirectory) throws -> BuildOptions {
        var published = BuildOptions.project(at: dir.url)
        published.config.baseURL = "https://www.example.gov.cn/mzgz/"
        _ = try Build.run(published, log: { _ in })
        var preview = BuildOptions.project(at: dir.url)
        preview.output = dir.file(".sitegen/preview")
        return preview
    }

    @Test("serves the site on a free loopback port, and an edited seed is served after the rebuild")
    func serveAndRebuild() async throws {
        let dir = try Self.project()
        let options = try Self.previewOptions(dir)
        let published = Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, dir.read($0)) })
        let server = PreviewServer(options: options, port: 0, log: { _ in })
        let port = try await server.start()
        #expect(port != 0)
        let watcher = Task { await server.watch(interval: .milliseconds(100)) }
        defer { watcher.cancel() }

        let (status, type, home) = try await Self.get(port, "/")
        #expect(status == 200 && type.hasPrefix("text/html"))
        #expect(home.contains("康巴什区:处处盛开民族团结之花"))
        #expect(home.contains("/__sitegen/version"), "served pages carry the reload script")
        #expect(!(dir.read(".sitegen/preview/index.html") ?? "").contains("__sitegen"), "the files built never do")
        // Absolute links name the address served: the port picked, not the 0 asked for.
        let (_, _, feed) = try await Self.get(port, "/feed.xml")
        #expect(feed.contains("href=\"http://127.0.0.1:\(port)/feed.xml\""), "\(feed.prefix(600))")
        for (path, expected) in [("/assets/style.css", "text/css"), ("/feed.xml", "application/xml"), ("/robots.txt", "text/plain"),
                                 ("/regions/620000/", "text/html")] {
            let (code, contentType, _) = try await Self.get(port, path)
            #expect(code == 200 && contentType.hasPrefix(expected), "\(path): \(code) \(contentType)")
        }
        #expect(try await Self.get(port, "/../../etc/passwd").0 == 404)
        #expect(try await Self.get(port, "/no/such/page/").0 == 404)

        let before = try await Self.get(port, "/__sitegen/version").2
        try Self.editSeed(in: dir)

        let version = try await Self.version(port, after: before)
        #expect(version != before, "the site was rebuilt after the edit")
        #expect(try await Self.get(port, "/").2.contains("处处盛开民族团结之花朵"))
        await server.stop()
        // public/ is as `sitegen build` left it: its own base URL, and not the edit until the next build.
        let after = Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, dir.read($0)) })
        #expect(after.keys.sorted() == published.keys.sorted() && after == published, "serve changed public/")
        #expect(dir.read("public/feed.xml")?.contains("https://www.example.gov.cn/mzgz/feed.xml") == true)
    }

    /// An editor saves while the first build runs (seconds, for a large site), before the
    /// watching starts: that edit is built too. (The watcher used to take its first look
    /// when it began, with the edit already in it, and never built it. A watcher that
    /// starts late does the same to the test above: most likely why it failed once, in a
    /// run 11 s longer than usual, the 10 s it waits for a rebuild.)
    @Test("an edit saved before watching begins, after the first build read the seeds, is built")
    func editDuringFirstBuild() async throws {
        let dir = try Self.project()
        let options = try Self.previewOptions(dir)
        let server = PreviewServer(options: options, port: 0, log: { _ in })
        let port = try await server.start()
        let before = try await Self.get(port, "/__sitegen/version").2
        try Self.editSeed(in: dir)

        let watcher = Task { await server.watch(interval: .milliseconds(50)) }
        defer { watcher.cancel() }
        let version = try await Self.version(port, after: before)
        #expect(version != before, "the edit was built")
        #expect(try await Self.get(port, "/").2.contains("处处盛开民族团结之花朵"))
        await server.stop()
    }

    @Test("sitegen serve builds into .sitegen/preview/, with the port it listens on, and leaves public/ as the last build made it")
    func serveCommandLeavesPublic() async throws {
        let dir = try Self.project()
        let (built, log) = try KeepImportTests.run(["build", "--base-url", "https://www.example.gov.cn/mzgz/"], in: dir.url)
        #expect(built == 0, "\(log)")
        let published = Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, dir.read($0)) })

        let process = Process()
        process.executableURL = OutputIntegrityTests.executable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = dir.url
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // It says where it serves once the preview is built (after the build's own line).
        var said = ""
        while !said.contains("Serving"), process.isRunning {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        process.terminate()
        process.waitUntilExit()
        let port = try #require(said.firstRange(of: /127\.0\.0\.1:(\d+)/).map { String(said[$0]).split(separator: ":").last.map(String.init) } ?? nil,
                                "\(said)")
        #expect(port != "0")
        #expect(said.contains("Serving .sitegen/preview/ at http://127.0.0.1:\(port)/"), "\(said)")
        #expect(dir.read(".sitegen/preview/feed.xml")?.contains("http://127.0.0.1:\(port)/feed.xml") == true)
        let after = Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, dir.read($0)) })
        #expect(after == published, "serve changed public/")
    }

    @Test("request paths map into the site and never out of it", arguments: [
        ("/", "index.html"), ("/regions/", "regions/index.html"), ("/feed.xml", "feed.xml"),
        ("/search/?q=%E7%89%9B", "search/index.html"), ("/%2e%2e/secret", nil), ("/../x", nil), ("/.git/config", nil),
    ] as [(String, String?)])
    func paths(request: String, path: String?) {
        #expect(StaticFiles.outputPath(for: request)?.rawValue == path)
    }
}
