import Foundation

/// What a build reads and writes, and how strict it is.
public struct BuildOptions: Sendable {
    public var seeds: URL
    public var templates: URL
    public var output: URL
    /// Where the Markdown intermediates of imported pages are written.
    public var markdown: URL
    /// What the last build imported and wrote, so the next one redoes only what changed:
    /// by default `.public.cache/` beside the output (`public/`).
    public var cache: URL {
        get {
            chosenCache ?? output.standardizedFileURL.deletingLastPathComponent()
                .appendingPathComponent(".\(output.standardizedFileURL.lastPathComponent).cache")
        }
        set { chosenCache = newValue }
    }
    private var chosenCache: URL?
    public var config: SiteConfig
    /// Fail the build on any error diagnostic, not only when nothing could be built.
    public var isStrict: Bool

    public init(seeds: URL, templates: URL, output: URL, markdown: URL, cache: URL? = nil,
                config: SiteConfig = SiteConfig(), isStrict: Bool = false) {
        self.seeds = seeds
        self.templates = templates
        self.output = output
        self.markdown = markdown
        chosenCache = cache
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
///
/// Every build is incremental: seeds whose files did not change come from the article
/// cache, pages whose inputs did not change (`SiteRenderer.fingerprint`) are not
/// rendered, the search index is rebuilt only when an article changed, and only files
/// whose bytes change are written. When nothing at all changed, the build stops after
/// checking the seeds. A build with no cache gives the same bytes, only slower.
public enum Build {
    public static func run(_ options: BuildOptions, log: @escaping @Sendable (String) -> Void = { print($0) }) throws -> BuildReport {
        var report = BuildReport()
        // Held until the build returns: a second build of the same output waits its turn.
        let lock = try BuildLock(for: options.output)
        defer { withExtendedLifetime(lock) {} }
        var clock = StageClock(total: 7, log: log)
        let stampsURL = options.cache.appendingPathComponent("seeds.bin")
        // A build killed while putting its files in place is finished first: from then on
        // the output and its manifest agree.
        try OutputWriter.recover(output: options.output, cache: options.cache)
        // The last build's manifest, and whether the output is still as it left it: tens
        // of thousands of stats, made while the templates and seeds are read, and, when
        // something changed, while the articles are imported.
        let storedManifest = Pending { [cache = options.cache] in OutputWriter.storedManifest(cache: cache) }
        let intactManifest = Pending { [output = options.output] in
            storedManifest.value.flatMap { $0.isIntact(in: output) ? $0 : nil }
        }

        // Read, not parsed yet: a build with nothing to do only compares them.
        let templateSources = try clock.stage("Read templates") { try TemplateLibrary.Sources(directory: options.templates.path) }
        let knownStamps = SeedStamps.load(from: stampsURL)
        // Made and written on another thread: only the next build reads them, and sorting
        // and writing 10,000 of them took about 5 ms on the path of a rebuild after an edit.
        var stampsWrite: Pending<Void>?
        defer { _ = stampsWrite?.value }
        func recordStamps(_ states: [ArticleLoader.SeedState]) {
            stampsWrite = Pending { [cache = options.cache] in
                guard let stamps = ArticleLoader.stamps(of: states, recorded: knownStamps) else { return }
                try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
                try? stamps.write(to: stampsURL)
            }
        }
        let listingURL = options.cache.appendingPathComponent(SeedListing.fileName)
        var listingWrite: Pending<Void>?
        defer { _ = listingWrite?.value }
        let (seeds, scanned) = try clock.stage("Read seeds") {
            // The last build's listing of the seeds, when their folder is as it was then.
            let (seeds, listed) = try SeedScanner.list(options.seeds, kept: SeedListing.load(from: listingURL))
            if listed {
                listingWrite = Pending { [cache = options.cache] in
                    try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
                    if (try? seeds.write(to: listingURL)) == nil { try? FileManager.default.removeItem(at: listingURL) }
                }
            }
            let states = ArticleLoader.states(of: seeds.seeds, stamps: knownStamps)
            // Seeds new to the records are read by the import, which records them then.
            let allRead = states.allSatisfy { $0.contentHash != nil }
            if allRead { recordStamps(states) }
            return (seeds, (states: states, allRead: allRead))
        }

        // Nothing changed: the output is what this build would write. (A seed not read yet
        // is new since the last build: something changed.)
        // Both fingerprints are made while the other thread still checks the pages.
        let frame = frameFingerprint(options, templates: templateSources)
        let scannedInputs = scanned.allRead ? inputFingerprint(frame: frame, seeds: scanned.states) : nil
        // (The intermediates of raw pages are written by the build too: a deleted folder of
        // them is a change.)
        let intermediatesPresent = !scanned.states.contains { $0.seed.kind == .rawPage } || FileManager.default.fileExists(atPath: options.markdown.path)
        // Only a build whose inputs are the last one's waits here for the output's check:
        // any other goes on to import while the pages are stated (an edit waited 30 ms).
        if let scannedInputs, storedManifest.value?.header.inputs == scannedInputs, intermediatesPresent, let stored = intactManifest.value {
            report.diagnostics = seeds.diagnostics + stored.header.diagnostics
            report.articles = stored.header.articleCount
            report.pages = stored.pageCount
            report.output.unchanged = stored.fileCount
            log("Nothing changed since the last build")
            report.stages = clock.stages
            // What was read of the seeds and the manifest is let go of on another thread.
            releaseInBackground((seeds, scanned, knownStamps, templateSources, stored))
            return report
        }
        // Tables every later stage needs, made on the other core while the article cache
        // is read: the gazetteer (6 ms alone, 13 beside the cache's reading) and the
        // Traditional → Simplified one (18 ms from ICU, well under one from the copy an
        // earlier build kept).
        let tables = Pending { [cache = options.cache] in _ = Gazetteer.shared; HanFolding.prepare(keptIn: cache) }
        // ICU's readings of the titles' characters, from those the last builds kept: a new
        // title whose pairs and characters the site had already needs no ICU, whose rules
        // take 55 ms to compile (`Pinyin`).
        Pinyin.shared.keep(in: options.cache)
        defer { Pinyin.shared.saveKept() }
        // Also while the articles are imported: the templates parsed (a template that does
        // not parse stops the build before it writes anything but the seeds' records), the
        // last build's files decoded into values, and its site index read, which is used if
        // the articles come out with the key it was kept for. Each was a step of its own on
        // the path of a rebuild after an edit, with one core idle (2, 5 and 4 ms at 10,000).
        let parsing = Pending { Result { try TemplateLibrary(parsing: templateSources) } }
        let decoding = Pending { intactManifest.value?.decoded() }
        let indexCacheURL = options.cache.appendingPathComponent(IndexCache.fileName)
        let keptIndex = Pending { IndexCache.load(from: indexCacheURL, gazetteer: .shared) }
        let today = ArticleDate.today()
        let (states, articles, articleDiagnostics, fresh, cachedBefore, lastSeeds, cacheWrite) = clock.stage("Import articles") {
            let imported = importArticles(scanned.states, options: options, today: today)
            if !scanned.allRead { recordStamps(imported.states) }
            return imported
        }
        let inputs = scannedInputs ?? inputFingerprint(frame: frame, seeds: states)
        defer { _ = cacheWrite?.value; _ = tables.value }
        report.diagnostics = seeds.diagnostics + articleDiagnostics
        report.articles = articles.count
        // The bodies are on disk now: give their memory back before the next stages.
        MallocTrim.releaseFreedMemory()

        let templates = try parsing.value.get()
        try clock.stage("Write intermediates") {
            try IntermediateWriter.write(articles.filter { $0.origin.hasSuffix(".txt") || $0.origin.hasSuffix(".text") },
                                         to: options.markdown, fresh: fresh)
        }

        let previous = decoding.value
        let campaignSlugs = SlugMemo(known: previous?.campaignSlugs ?? [:])
        // The regions, campaigns, timeline and related articles: the last build's when the
        // articles' dates, origins, places, campaigns and mentions are all as they were.
        var indexLabel = "Index"
        var indexKept = false
        var indexWrite: Pending<Void>?
        let index = clock.stage(indexLabel) { () -> SiteIndex in
            let sorted = SiteIndex.sorted(articles)
            let key = SiteIndex.Derived.key(of: sorted)
            if let kept = keptIndex.value, kept.key == key {
                (indexLabel, indexKept) = ("Index (kept)", true)
                return SiteIndex(sorted: sorted, derived: kept.derived)
            }
            let derived = SiteIndex.Derived(articles: sorted, gazetteer: .shared, slugs: campaignSlugs)
            // Kept for the next build, written while this one goes on.
            indexWrite = Pending { [cache = options.cache] in
                try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
                do { try IndexCache.write(derived, key: key, to: indexCacheURL) } catch { try? FileManager.default.removeItem(at: indexCacheURL) }
            }
            return SiteIndex(sorted: sorted, derived: derived)
        }
        defer { _ = indexWrite?.value }
        let articleHashes = index.articles.parallelMap(\.contentHash)
        let searchInputs = searchFingerprint(articleHashes)
        let reusedSearch = previous.flatMap { $0.searchInputs == searchInputs ? $0 : nil }
        // Files are staged as they are made, the search index's first: its files are
        // written while it is built, never all held at once.
        let writer = try OutputWriter(output: options.output, cache: options.cache, previous: previous)
        let searchStateURL = options.cache.appendingPathComponent("search.bin")
        // The last search index's state, when it is the site's.
        let previousSearch = previous.flatMap { previous in
            SearchState.load(from: searchStateURL, generator: GeneratorStamp.current).flatMap {
                SearchIndexWriter.folder + $0.manifest == previous.searchManifest ? $0 : nil
            }
        }
        // What the changed articles were at the last build: the cache has them as imported,
        // which is how the last build published them unless their slug was numbered or
        // copies were folded in, or others' slugs or copies changed with them. Then the
        // search state does not find them (by content hash), and the last build's
        // publication is made again (about 15 ms at 10,000 articles).
        let (replaced, gone) = { () -> (replaced: [String: Article], gone: [Article]) in
            guard let state = previousSearch, let lastSeeds,
                  state.documentChanges(in: index.articles, hashes: articleHashes, previous: cachedBefore.replaced, gone: cachedBefore.gone) == nil
            else { return cachedBefore }
            return lastSeeds.published(replaced: cachedBefore.replaced, gone: cachedBefore.gone)
        }()
        // The articles that changed since the last build, with what each was (numbered
        // newest first, as the index has them), when the frame is the same and the last
        // search index's state can say.
        let changes = previous.flatMap { $0.frame == frame ? previousSearch : nil }.flatMap { state in
            state.changes(in: index.articles, hashes: articleHashes, previous: replaced).map { changes in
                // The state numbers documents oldest first.
                changes.map { (article: index.articles.count - 1 - $0.document, before: $0.before) }
            }
        }
        // Only some articles' bodies changed, and nothing else the pages show: only their
        // own pages can differ from the last build's.
        let onlyBodiesChanged = changes.flatMap { articlesWhoseBodyAloneChanged(index.articles, changes: $0) }
        // Else, only some articles changed, in nothing the site index is worked out from
        // (it was kept): only the pages that can show them can differ (`PagePlanner.kinds(showing:)`),
        // and the others are kept without a look. (A title corrected took 16,500 pages'
        // fingerprints, 0.3 s of a 0.46 s rebuild at 10,000.)
        // Else, articles only added or deleted, the others as they were: only the pages that
        // can show the new ones, or whose lists or counts they join or leave, can differ
        // (`PagePlanner.kinds(added:)`). (An article added took 16,500 pages' fingerprints,
        // 0.5 s of CPU at 10,000.)
        let (onlyShownChanged, onlyAddedOrDeleted) = { () -> (Set<PlannedPage.Kind>?, Bool) in
            guard onlyBodiesChanged == nil else { return (nil, false) }
            if indexKept, let changes {
                let slugsChanged = changes.contains { $0.before.slug != index.articles[$0.article].slug }
                return (PagePlanner.kinds(showing: Set(changes.map(\.article)), slugsChanged: slugsChanged, in: index), false)
            }
            guard !indexKept, previous?.frame == frame, let state = previousSearch, let kept = keptIndex.value,
                  let came = Self.articlesOnlyAddedOrDeleted(index, hashes: articleHashes, before: state.articleHashes, gone: gone, kept: kept)
            else { return (nil, false) }
            return (PagePlanner.kinds(added: came.added, deleted: came.deleted, relatedChanged: came.relatedChanged, in: index), true)
        }()
        // The pages to render, planned on the other core while the search index is made.
        // Not when only bodies changed: the index is the last build's, and so are the pages
        // (the manifest's), of which only a few are looked at (`PagePlanner.pages(showingBodiesOf:)`).
        let planning = onlyBodiesChanged == nil ? Pending { PagePlanner.plan(index) } : nil
        var searchState: SearchState?
        var searchLabel = reusedSearch == nil ? "Search index" : "Search index (unchanged)"
        do {
            var placed: [OutputWriter.Placed] = []
            let searchManifest = try clock.stage(searchLabel) { () -> OutputPath? in
                guard let reusedSearch else {
                    let emit: @Sendable (OutputPath, [UInt8]) throws -> OutputWriter.Placed = { path, bytes in try writer.write(path, bytes) }
                    // A few articles changed: their terms' postings are patched.
                    if let state = previousSearch,
                       let written = try SearchIndexWriter.update(
                           state, for: index.articles, hashes: articleHashes, previous: replaced, gone: gone,
                           read: { [output = options.output] name in
                               FileManager.default.contents(atPath: output.path + "/" + SearchIndexWriter.folder + name).map { [UInt8]($0) }
                           },
                           keep: { excluded, keeps in writer.keptAsIs(inFolder: SearchIndexWriter.folder, excluding: excluded, where: keeps) },
                           emit: emit) {
                        placed += written.placed + written.kept
                        searchState = written.state
                        searchLabel = "Search index (patched)"
                        return written.manifest
                    }
                    let written = try SearchIndexWriter.writeWithState(for: index.articles, emit: emit)
                    placed += written.placed
                    searchState = written.state
                    return written.manifest
                }
                // The index's files as they were; not the search page in their folder, which
                // is a page like the others, rendered (or kept) with them below.
                placed += reusedSearch.paths.filter { $0.rawValue.hasPrefix(SearchIndexWriter.folder) && $0 != SitePaths.search }
                    .compactMap(writer.keptAsIs)
                return OutputPath(reusedSearch.searchManifest)
            }
            MallocTrim.releaseFreedMemory()

            var plan = planning?.value
            let pageCount = plan?.count ?? previous?.pageCount ?? 0
            report.pages = pageCount
            let renderLabel = "Render and write \(pageCount) pages"
                + (onlyBodiesChanged != nil ? " (only bodies changed)" : onlyAddedOrDeleted ? " (only pages showing the added or deleted articles)"
                    : onlyShownChanged != nil ? " (only pages showing the changed articles)" : "")
            report.output = try clock.stage(renderLabel) {
                let base = SiteRenderer(index: index, config: options.config, templates: templates, searchManifest: searchManifest)
                // Pages whose fingerprint is as recorded are kept; the others are rendered.
                // When only bodies changed, the other pages are kept without a look: their
                // fingerprints would come out as recorded.
                let looked = onlyBodiesChanged.map { PagePlanner.pages(showingBodiesOf: $0, in: index) } ?? plan ?? []
                // Those others are the last build's pages but the looked ones, taken from its
                // manifest in one pass (looking each of 16,500 pages up by path took 5-6 ms of
                // a rebuild after an edit, 30 ms at 50,000); if the looked ones are not all
                // among them, every page is planned and looked up after all.
                var keptPages: [OutputWriter.Placed]?
                if onlyBodiesChanged != nil {
                    let pages = writer.keptPagesAsIs(excluding: looked.map(\.path))
                    if pages.count == pageCount - looked.count { keptPages = pages }
                }
                placed += keptPages ?? []
                if keptPages == nil, plan == nil {
                    plan = PagePlanner.plan(index)
                    report.pages = plan!.count
                }
                if previous == nil, let plan {
                    // No page of a last build to keep: each is rendered and fingerprinted
                    // from one context.
                    let renderer = base.sharingCards(on: plan, for: .renderedAndFingerprinted(nil, nil))
                    placed += try plan.parallelMap { page in
                        let (bytes, fingerprint) = try renderer.renderedAndFingerprinted(page)
                        return try writer.write(page.path, bytes, pageFingerprint: fingerprint)
                    }
                } else {
                    let fingerprinter = base.sharingCards(on: onlyShownChanged.map { shown in looked.filter { shown.contains($0.kind) } } ?? looked,
                                                          forFingerprints: true)
                    let decided = (keptPages == nil ? plan! : looked).parallelMap { page -> (PlannedPage, UInt64, OutputWriter.Placed?) in
                        if let onlyBodiesChanged, !page.mayShowBody(of: onlyBodiesChanged), let kept = writer.keptAsIs(page.path),
                           kept.file.pageFingerprint != 0 {
                            return (page, kept.file.pageFingerprint, kept)
                        }
                        if let onlyShownChanged, !onlyShownChanged.contains(page.kind), let kept = writer.keptAsIs(page.path),
                           kept.file.pageFingerprint != 0 {
                            return (page, kept.file.pageFingerprint, kept)
                        }
                        let fingerprint = fingerprinter.fingerprint(page)
                        return (page, fingerprint, writer.kept(page.path, pageFingerprint: fingerprint))
                    }
                    placed += decided.compactMap(\.2)
                    let changed = decided.filter { $0.2 == nil }.map { ($0.0, $0.1) }
                    let renderer = base.sharingCards(on: changed.map(\.0))
                    placed += try changed.parallelMap { page, fingerprint in
                        try writer.write(page.path, try renderer.render(page), pageFingerprint: fingerprint)
                    }
                }
                for asset in templates.assets {
                    guard let path = OutputPath(asset) else { continue }
                    let bytes = try Data(contentsOf: options.templates.appendingPathComponent(asset))
                    placed.append(try writer.write(path, [UInt8](bytes)))
                }
                return try writer.commit(placed) { manifest in
                    manifest.inputs = inputs
                    manifest.frame = frame
                    manifest.diagnostics = articleDiagnostics
                    manifest.articleCount = articles.count
                    manifest.searchInputs = searchInputs
                    manifest.searchManifest = searchManifest?.rawValue ?? ""
                    manifest.campaignSlugs = campaignSlugs.remembered
                }
            }
        } catch {
            writer.abandon()
            throw error
        }
        // What the next build needs to patch the index. (A state left from before a failed
        // write names another manifest than the site's, and is not used.)
        if let searchState {
            do { try searchState.write(to: searchStateURL, generator: GeneratorStamp.current) } catch { try? FileManager.default.removeItem(at: searchStateURL) }
        }
        report.stages = clock.stages
        // What the build held (the index, the plan, the last build's manifest): let go of
        // on another thread, while the report is shown.
        releaseInBackground((index, planning, writer, previous, states, searchState))
        return report
    }

    /// The articles of the seeds (from the cache when their bytes are unchanged), their
    /// problems, and the origins of those imported afresh; writes the cache (`cacheWrite`
    /// when it is still being written: wait for it before the build ends). The bodies
    /// are then moved to a spill file in the cache folder, so that from here on a build
    /// holds one article's body at a time, not all of them.
    static func importArticles(_ states: [ArticleLoader.SeedState], options: BuildOptions, today: ArticleDate)
        -> (states: [ArticleLoader.SeedState], articles: [Article], diagnostics: [Diagnostic], fresh: Set<String>,
            cachedBefore: (replaced: [String: Article], gone: [Article]), lastSeeds: ArticleLoader.LastSeeds?, cacheWrite: Pending<Void>?) {
        let articleCacheURL = options.cache.appendingPathComponent("articles.bin")
        let cache = ArticleCache.load(from: articleCacheURL, generator: GeneratorStamp.current)
        let loaded = ArticleLoader.load(states, cache: cache)
        try? FileManager.default.createDirectory(at: options.cache, withIntermediateDirectories: true)
        var cacheWrite: Pending<Void>?
        // Many seeds imported (a first build): the cache is written whole on one core while
        // the articles are checked and their bodies spilled on the other, and waited for
        // below, before the bodies' memory is let go of.
        var wholeCacheWrite: Pending<Void>?
        if loaded.imported > backgroundCacheWriteLimit {
            let cache = loaded.cache
            wholeCacheWrite = Pending { _ = try? cache.write(to: articleCacheURL, generator: GeneratorStamp.current) }
        } else if !loaded.changes.isEmpty, cache.appends(loaded.changes.count) {
            // A few seeds imported or deleted (an edit): their entries, or that they are
            // gone, go at the end of the cache's file. (One cut short is found out by the
            // next build, which imports afresh.) A deleted seed's entry left in the cache
            // made every later build take it for deleted again, and the seed restored for
            // one the last build had.
            do { try ArticleCache.append(loaded.changes, to: articleCacheURL) } catch { try? FileManager.default.removeItem(at: articleCacheURL) }
        } else if !loaded.changes.isEmpty {
            // A few seeds imported or deleted, and the file holds many patches already: the
            // cache is written whole while the next stages run, mostly on one core. Its
            // bodies are the last cache's, read from its file (which stays readable when
            // replaced), and the few new ones: nothing more is held in memory meanwhile.
            let cache = loaded.cache
            cacheWrite = Pending { _ = try? cache.write(to: articleCacheURL, generator: GeneratorStamp.current) }
        }
        let problems = loaded.articles.parallelMap { ArticleRules.problems(of: $0, today: today, severity: .warning) }
        let diagnostics = loaded.diagnostics + problems.joined()
        // The bodies from the cache stay in its file; those imported afresh go to a spill file.
        let spilled = loaded.imported == 0 ? loaded.articles : BodyFile(folder: options.cache)?.spill(loaded.articles)
        _ = wholeCacheWrite?.value
        let result = (loaded.states, spilled ?? loaded.articles, diagnostics, loaded.fresh, (loaded.replaced, loaded.gone), loaded.lastSeeds, cacheWrite)
        // The cache as read (10,000 entries) is not needed any more.
        releaseInBackground((consume cache, consume loaded))
        return result
    }

    /// Above this many seeds imported, the article cache is written before the build goes on.
    static let backgroundCacheWriteLimit = 64

    /// Everything the output depends on but the articles: sitegen itself, the
    /// configuration, the templates and assets.
    static func frameFingerprint(_ options: BuildOptions, templates: TemplateLibrary.Sources) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(GeneratorStamp.current)
        hasher.combine(HashingEncoder.hash(options.config))
        hasher.combine(templates.fingerprint)
        for asset in templates.assets {
            hasher.combine(asset)
            hasher.combine(StableHasher.hash([UInt8](FileManager.default.contents(atPath: options.templates.appendingPathComponent(asset).path) ?? Data())))
        }
        return hasher.finalize()
    }

    /// Everything the output depends on: the frame (`frameFingerprint`) and every seed's
    /// bytes. Equal fingerprints, equal sites (and equal warnings).
    static func inputFingerprint(frame: UInt64, seeds: [ArticleLoader.SeedState]) -> UInt64 {
        // Each seed hashed by itself, on all cores, then those hashes in order: 50,000 seeds
        // hashed one after the other took 21 ms of a rebuild with nothing changed.
        let seedHashes = seeds.parallelMap { seed in
            var hasher = StableHasher()
            hasher.combine(seed.seed.path)
            hasher.combine(seed.contentHash!)
            return hasher.finalize()
        }
        var hasher = StableHasher()
        hasher.combine(frame)
        seedHashes.withUnsafeBytes { hasher.combine($0) }
        // Not the pages but the warnings depend on the day (a date in the future): on a new
        // day the build runs through once, rendering nothing that did not change.
        hasher.combine(ArticleDate.today().isoDate)
        return hasher.finalize()
    }

    /// The articles (by number, newest first) whose bodies changed since the last build,
    /// when nothing else of any article did: each of `changes` (an article and what it was,
    /// from the last search index's state) equal to what it was but for its body. Nil
    /// otherwise.
    static func articlesWhoseBodyAloneChanged(_ articles: [Article], changes: [(article: Int, before: Article)]) -> Set<Int>? {
        var changed = Set<Int>()
        for (i, old) in changes {
            var (before, after) = (old, articles[i])
            (before.body, after.body) = (ArticleBody(""), ArticleBody(""))
            guard before.contentHash == after.contentHash else { return nil }
            changed.insert(i)
        }
        return changed
    }

    /// What came and went since the last build, when every other article is as it was
    /// (its content hash), in the same order, and the last build's index (`kept`, checked
    /// by its key) had the same campaigns, with the same slugs: the new articles (by
    /// number); the pages of the lists and the neighbours in time of the articles deleted
    /// (`PagePlanner.kinds(added:)`); the articles whose related list is not the last build's
    /// (its numbers moved to the new ones). Nil otherwise. `before`: the last build's
    /// content hashes, oldest first (the search state's); `hashes`, this build's, newest
    /// first (the index's order); `gone`, the articles of the seeds deleted.
    static func articlesOnlyAddedOrDeleted(_ index: SiteIndex, hashes: [UInt64], before: [UInt64], gone: [Article],
                                           kept: (key: UInt64, derived: SiteIndex.Derived))
        -> (added: Set<Int>, deleted: PagePlanner.Deleted, relatedChanged: Set<Int>)? {
        let count = index.articles.count
        guard hashes.count == count else { return nil }
        // Each of the last build's articles (numbered newest first, as its index has them)
        // as this build's, in the same order, or nil when it was deleted.
        let oldCount = before.count
        var oldPosition: [UInt64: Int] = [:]
        for (document, hash) in before.enumerated() { oldPosition[hash] = oldCount - 1 - document }
        guard oldPosition.count == oldCount else { return nil }
        var renumbered = [Int?](repeating: nil, count: oldCount)
        var added = Set<Int>()
        var lastOld = -1
        for i in 0..<count {
            guard let j = oldPosition[hashes[i]] else { added.insert(i); continue }
            guard j > lastOld else { return nil }
            (renumbered[j], lastOld) = (i, j)
        }
        // The deleted articles, for the key of the index they were in.
        let goneByHash = Dictionary(gone.map { ($0.contentHash, $0) }, uniquingKeysWith: { first, _ in first })
        var oldArticles: [Article] = []
        oldArticles.reserveCapacity(oldCount)
        for (j, i) in renumbered.enumerated() {
            guard let article = i.map({ index.articles[$0] }) ?? goneByHash[before[oldCount - 1 - j]] else { return nil }
            oldArticles.append(article)
        }
        let old = kept.derived
        func slugs(_ campaigns: [Campaign]) -> [String: Slug] {
            Dictionary(campaigns.map { ($0.name, $0.slug) }, uniquingKeysWith: { first, _ in first })
        }
        guard kept.key == SiteIndex.Derived.key(of: oldArticles), old.related.count == oldCount,
              old.campaigns.count == index.campaigns.count, slugs(old.campaigns) == slugs(index.campaigns)
        else { return nil }
        // (A number past the last build's articles, from a damaged file, counts as a change.)
        func new(_ j: Int) -> Int { renumbered.indices.contains(j) ? renumbered[j] ?? -1 : -1 }
        var relatedChanged = Set<Int>()
        for (j, list) in old.related.enumerated() {
            guard let i = renumbered[j], list.map(new) != index.related[i] else { continue }
            relatedChanged.insert(i)
        }
        // Where each deleted article was: its lists, by what names them, and the articles
        // on either side of it in time.
        let deletedNumbers = Set(renumbered.indices.filter { renumbered[$0] == nil })
        var deleted = PagePlanner.Deleted()
        func had(_ list: [Int]) -> Bool { list.contains(where: deletedNumbers.contains) }
        deleted.regions = Set(old.regions.nodes.filter { had($0.value.all) }.keys)
        deleted.campaigns = Set(old.campaigns.filter { had($0.articles) || had($0.mentioned) }.map(\.name))
        deleted.years = Set(old.timeline.years.filter { $0.months.contains { had($0.articles) } }.map(\.year))
        for j in deletedNumbers {
            if let newer = renumbered[..<j].last(where: { $0 != nil }) { deleted.neighbours.insert(newer!) }
            if let older = renumbered[(j + 1)...].first(where: { $0 != nil }) { deleted.neighbours.insert(older!) }
        }
        return (added, deleted, relatedChanged)
    }

    /// A hash of every field of every article, in order, from each article's hash.
    static func searchFingerprint(_ articleHashes: [UInt64]) -> UInt64 {
        var hasher = StableHasher()
        for hash in articleHashes { hasher.combine(hash) }
        return hasher.finalize()
    }

    /// A path as the editor typed it, relative to the working directory when inside it.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

/// Times and announces each stage: `[3/7] Import articles (2.23 s, CPU 3.99 s)`.
struct StageClock {
    let total: Int
    let log: @Sendable (String) -> Void
    private(set) var stages: [(name: String, seconds: Double)] = []

    init(total: Int, log: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.log = log
    }

    /// Runs `work`, then names it (the name may say what the work found).
    mutating func stage<T>(_ name: @autoclosure () -> String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now(), startCPU = Self.processCPUSeconds()
        let value = try work()
        let name = name()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let cpu = Self.processCPUSeconds() - startCPU
        stages.append((name, seconds))
        // CPU time next to wall time shows how well a stage uses the cores (and what it costs).
        log("[\(stages.count)/\(total)] \(name) (\(String(format: "%.2f s, CPU %.2f s", seconds, cpu)))")
        return value
    }

    /// User and system time of the whole process so far, all threads together.
    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
