import Foundation

/// What a build reads and writes, and how strict it is.
public struct BuildOptions: Sendable {
    public var seeds: URL
    public var templates: URL
    public var output: URL
    /// Where the Markdown intermediates of imported pages are written.
    public var markdown: URL
    public var config: SiteConfig
    /// Fail the build on any error diagnostic, not only when nothing could be built.
    public var isStrict: Bool

    public init(seeds: URL, templates: URL, output: URL, markdown: URL, config: SiteConfig = SiteConfig(), isStrict: Bool = false) {
        self.seeds = seeds
        self.templates = templates
        self.output = output
        self.markdown = markdown
        self.config = config
        self.isStrict = isStrict
    }

    /// The layout of a sitegen project in `directory`: `seeds/`, `Templates/`, `public/`,
    /// and the intermediates in `.sitegen/markdown/`.
    public static func project(at directory: URL) -> BuildOptions {
        BuildOptions(seeds: directory.appendingPathComponent("seeds"),
                     templates: directory.appendingPathComponent("Templates"),
                     output: directory.appendingPathComponent("public"),
                     markdown: directory.appendingPathComponent(".sitegen/markdown"))
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var articles = 0
    public var pages = 0
    public var output = OutputWriter.Report()
    public var diagnostics: [Diagnostic] = []
    public var stages: [(name: String, seconds: Double)] = []
    public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// The pipeline, top to bottom.
public enum Build {
    public static func run(_ options: BuildOptions, log: @escaping @Sendable (String) -> Void = { print($0) }) throws -> BuildReport {
        var report = BuildReport()
        // Held until the build returns: a second build of the same output waits its turn.
        let lock = try BuildLock(for: options.output)
        defer { withExtendedLifetime(lock) {} }
        var clock = StageClock(total: 7, log: log)

        let templates = try clock.stage("Read templates") { try TemplateLibrary(directory: options.templates.path) }
        let seeds = try clock.stage("Read seeds") { try SeedScanner.scan(directory: options.seeds, displayPrefix: displayPath(options.seeds)) }
        report.diagnostics += seeds.diagnostics

        let imported = try clock.stage("Import articles") { try ArticleLoader.load(seeds.seeds) }
        report.diagnostics += imported.diagnostics
        let articles = imported.articles
        let today = ArticleDate.today()
        report.diagnostics += articles.flatMap { ArticleRules.problems(of: $0, today: today, severity: .warning) }
        report.articles = articles.count

        try clock.stage("Write intermediates") {
            try IntermediateWriter.write(articles.filter { $0.origin.hasSuffix(".txt") || $0.origin.hasSuffix(".text") }, to: options.markdown)
        }

        let index = clock.stage("Index") { SiteIndex(articles: articles, gazetteer: .shared) }
        let plan = PagePlanner.plan(index)
        report.pages = plan.count
        let search = clock.stage("Search index") { SearchIndexWriter.files(for: index.articles) }

        report.output = try clock.stage("Render and write \(plan.count) pages") {
            let writer = try OutputWriter(output: options.output)
            do {
                let renderer = SiteRenderer(index: index, config: options.config, templates: templates, searchManifest: search.manifest)
                _ = try plan.parallelMap { page in try writer.write(page.path, try renderer.render(page)) }
                _ = try search.files.parallelMap { path, bytes in try writer.write(path, bytes) }
                for asset in templates.assets {
                    guard let path = OutputPath(asset) else { continue }
                    let bytes = try Data(contentsOf: options.templates.appendingPathComponent(asset))
                    try writer.write(path, [UInt8](bytes))
                }
                return try writer.commit()
            } catch {
                writer.abandon()
                throw error
            }
        }
        report.stages = clock.stages
        return report
    }

    /// A path as the editor typed it, relative to the working directory when inside it.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

/// Times and announces each stage: `[3/6] Import articles (5, 0.02 s)`.
struct StageClock {
    let total: Int
    let log: @Sendable (String) -> Void
    private(set) var stages: [(name: String, seconds: Double)] = []

    init(total: Int, log: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.log = log
    }

    mutating func stage<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now()
        let value = try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        stages.append((name, seconds))
        log("[\(stages.count)/\(total)] \(name) (\(String(format: "%.2f", seconds)) s)")
        return value
    }
}
