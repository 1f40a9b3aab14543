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

    @Test("serves the site on a free loopback port, and an edited seed is served after the rebuild")
    func serveAndRebuild() async throws {
        let dir = try Self.project()
        let server = try PreviewServer(options: .project(at: dir.url), port: 0, log: { _ in })
        let port = try await server.start()
        #expect(port != 0)
        let watcher = Task { await server.watch(interval: .milliseconds(100)) }
        defer { watcher.cancel() }

        let (status, type, home) = try await Self.get(port, "/")
        #expect(status == 200 && type.hasPrefix("text/html"))
        #expect(home.contains("康巴什区:处处盛开民族团结之花"))
        #expect(home.contains("/__sitegen/version"), "served pages carry the reload script")
        #expect(!(dir.read("public/index.html") ?? "").contains("__sitegen"), "public/ never does")
        for (path, expected) in [("/assets/style.css", "text/css"), ("/feed.xml", "application/xml"), ("/robots.txt", "text/plain"),
                                 ("/regions/620000/", "text/html")] {
            let (code, contentType, _) = try await Self.get(port, path)
            #expect(code == 200 && contentType.hasPrefix(expected), "\(path): \(code) \(contentType)")
        }
        #expect(try await Self.get(port, "/../../etc/passwd").0 == 404)
        #expect(try await Self.get(port, "/no/such/page/").0 == 404)

        let before = try await Self.get(port, "/__sitegen/version").2
        let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("seeds").path).first { $0.hasPrefix("003") })
        let url = dir.file("seeds/\(seed)")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "处处盛开民族团结之花", with: "处处盛开民族团结之花朵").write(to: url, atomically: true, encoding: .utf8)

        var version = before
        for _ in 0..<100 where version == before {
            try await Task.sleep(for: .milliseconds(100))
            version = try await Self.get(port, "/__sitegen/version").2
        }
        #expect(version != before, "the site was rebuilt after the edit")
        #expect(try await Self.get(port, "/").2.contains("处处盛开民族团结之花朵"))
        await server.stop()
    }

    @Test("request paths map into the site and never out of it", arguments: [
        ("/", "index.html"), ("/regions/", "regions/index.html"), ("/feed.xml", "feed.xml"),
        ("/search/?q=%E7%89%9B", "search/index.html"), ("/%2e%2e/secret", nil), ("/../x", nil), ("/.git/config", nil),
    ] as [(String, String?)])
    func paths(request: String, path: String?) {
        #expect(StaticFiles.outputPath(for: request)?.rawValue == path)
    }
}
