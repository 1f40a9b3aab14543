import Foundation
import NIOHTTP1
import SitegenKit

/// Serves the built site from disk, as a static server would, with the right content
/// type for every kind of file the site has.
struct StaticFiles: Sendable {
    static let versionPath = "/__sitegen/version"

    let root: URL
    let state: SiteState

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "ico": "image/x-icon", "woff2": "font/woff2", "woff": "font/woff", "bin": "application/octet-stream",
    ]

    /// Polls the site's version and reloads when a rebuild has finished.
    static let reloadScript = """
    <script>(()=>{let seen=null;const poll=async()=>{try{const r=await fetch("\(versionPath)",{cache:"no-store"});const v=await r.text();if(seen!==null&&v!==seen){location.reload();return}seen=v}catch(e){}setTimeout(poll,500)};poll()})();</script>
    """

    /// The site's file for the request, or its version (`versionPath`), or the 404 page.
    func respond(to request: HTTPRequestHead) -> LoopbackHTTPServer.Response {
        guard request.method == .GET || request.method == .HEAD else {
            return LoopbackHTTPServer.Response(status: .methodNotAllowed, headers: [("Allow", "GET, HEAD")])
        }
        // The path as the browser sent it, the query left out: a trailing slash tells a
        // folder's index from a file.
        let requested = String(request.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if requested == Self.versionPath {
            return LoopbackHTTPServer.Response(status: .ok, headers: [("Content-Type", "text/plain"), ("Cache-Control", "no-store")],
                                               body: Array(String(state.version).utf8))
        }
        guard let path = Self.outputPath(for: requested) else { return notFound() }
        let file = root.appendingPathComponent(path.rawValue)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            // `/regions` → `/regions/`, so relative links on the page resolve.
            return LoopbackHTTPServer.Response(status: .movedPermanently, headers: [("Location", requested + "/")])
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound() }
        let type = Self.contentTypes[file.pathExtension.lowercased()] ?? "application/octet-stream"
        let body = file.pathExtension == "html" ? Self.withReload(data) : data
        return LoopbackHTTPServer.Response(status: .ok, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: Array(body))
    }

    /// `/` → `index.html`, `/regions/` → `regions/index.html`; percent-decoded and checked,
    /// so no request can read outside the site.
    static func outputPath(for requestPath: String) -> OutputPath? {
        var path = (requestPath.removingPercentEncoding ?? requestPath).split(separator: "?").first.map(String.init) ?? ""
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return OutputPath(path)
    }

    static func withReload(_ page: Data) -> Data {
        let html = String(decoding: page, as: UTF8.self)
        guard let end = html.range(of: "</body>", options: .backwards) else { return Data((html + reloadScript).utf8) }
        return Data(html.replacingCharacters(in: end, with: reloadScript + "\n</body>").utf8)
    }

    private func notFound() -> LoopbackHTTPServer.Response {
        let page = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data("Not found".utf8)
        return LoopbackHTTPServer.Response(status: .notFound, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(Self.withReload(page)))
    }
}
