import Foundation

/// `sitegen check`: runs every stage but writing, and reports what is wrong with the
/// articles and with the pages they make.
public enum SiteChecker {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var articles = 0
        public var pages = 0
        public var links = 0
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    }

    public static func check(_ options: BuildOptions, today: ArticleDate = .today()) throws -> Report {
        var report = Report()
        let templates = try TemplateLibrary(directory: options.templates.path)
        let seeds = try SeedScanner.scan(directory: options.seeds)
        let loaded = ArticleLoader.load(seeds.seeds)
        report.diagnostics = seeds.diagnostics + loaded.diagnostics
        report.diagnostics += loaded.articles.flatMap { ArticleRules.problems(of: $0, today: today, severity: .error) }
        report.articles = loaded.articles.count

        let index = SiteIndex(articles: loaded.articles, gazetteer: .shared)
        let plan = PagePlanner.plan(index)
        let renderer = SiteRenderer(index: index, config: options.config, templates: templates)
        let existing = Set(plan.map(\.path.rawValue) + templates.assets)
        let scanned: [(path: OutputPath, page: PageChecker?, xmlError: String?)] = try plan.parallelMap { page in
            let bytes = try renderer.render(page)
            switch (page.path.rawValue as NSString).pathExtension {
            case "html": return (page.path, PageChecker(html: String(decoding: bytes, as: UTF8.self)), nil)
            case "xml": return (page.path, nil, XMLWellFormedness.problem(in: bytes))
            default: return (page.path, nil, nil)
            }
        }
        report.pages = scanned.count
        let ids = Dictionary(uniqueKeysWithValues: scanned.compactMap { item in item.page.map { (item.path.rawValue, $0.ids) } })
        let output = Build.displayPath(options.output)
        if !XMLWellFormedness.isAvailable {
            report.diagnostics.append(.warning(output, "the feeds and the sitemap were not checked as XML: libxml2 could not be loaded",
                                               fix: "install it (apt-get install libxml2) and check again"))
        }
        for item in scanned {
            let file = "\(output)/\(item.path)"
            if let error = item.xmlError {
                report.diagnostics.append(.error(file, "the page is not well-formed XML (\(error))", fix: "fix its template"))
            }
            guard let page = item.page else { continue }
            for problem in page.problems {
                report.diagnostics.append(.error(file, "the page is not well formed: \(problem)", fix: "fix its template"))
            }
            for link in page.links where !isExternal(link) {
                report.links += 1
                let (target, anchor) = resolve(link, from: item.path)
                guard let target, existing.contains(target) else {
                    report.diagnostics.append(.error(file, "links to \(link), which is not in the site", fix: "fix the link in its template or article"))
                    continue
                }
                if let anchor, !anchor.isEmpty, ids[target]?.contains(anchor) == false {
                    report.diagnostics.append(.error(file, "links to \(link), but that page has no anchor \"\(anchor)\"",
                                                     fix: "fix the link in its template or article"))
                }
            }
        }
        return report
    }
}

private extension SiteChecker {
    static func isExternal(_ link: String) -> Bool {
        ["http://", "https://", "mailto:", "tel:", "data:"].contains { link.hasPrefix($0) }
    }

    /// `../../regions/620000/index.html#x` from `articles/a/index.html` → (`regions/620000/index.html`, `x`).
    static func resolve(_ link: String, from page: OutputPath) -> (String?, String?) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        let anchor = parts.count > 1 ? String(parts[1]) : nil
        if path.isEmpty { return (page.rawValue, anchor) }
        if path.hasPrefix("/") { return (nil, anchor) }
        var components = page.components.dropLast().map(String.init)
        for component in path.split(separator: "/") {
            switch component {
            case "..": if components.popLast() == nil { return (nil, anchor) }
            case ".": continue
            default: components.append(String(component))
            }
        }
        var target = components.joined(separator: "/")
        if path.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return (target, anchor)
    }
}
