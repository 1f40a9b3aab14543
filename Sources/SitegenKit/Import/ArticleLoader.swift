import Foundation

/// Reads every seed into an `Article`, in parallel, and makes slugs unique.
public enum ArticleLoader {
    public static func load(_ seeds: [SeedFile], importer: ArticleImporter = ArticleImporter(resolver: RegionResolver(gazetteer: .shared)))
        -> (articles: [Article], diagnostics: [Diagnostic]) {
        let loaded = load(states(of: seeds, stamps: SeedStamps()), resolver: importer.resolver, cache: ArticleCache())
        return (loaded.articles, loaded.diagnostics)
    }

    /// A seed as this build found it.
    struct SeedState: Sendable {
        var seed: SeedFile
        var stamp: FileStamp?
        /// 0 when the file cannot be read; nil until the import reads it, for a seed the
        /// last build did not record (all of them, in a first build), which is then read
        /// once rather than twice. (The bytes are not kept: the import reads the few files
        /// that changed again, rather than hold every seed in memory.)
        var contentHash: UInt64?
        /// The stamp and hash are those recorded by the last build.
        var isAsRecorded = false
    }

    /// Each seed's content hash: from `stamps` when its file stamp is unchanged, else by
    /// reading it; none yet for a seed `stamps` does not have (the import reads it).
    static func states(of seeds: [SeedFile], stamps: SeedStamps) -> [SeedState] {
        // The seeds share a folder: stat'ed inside it, the kernel walks one name a seed,
        // not the whole path (the stats were a third of a rebuild with no change).
        let folderPath = seeds.first.map { String($0.filePath[..<($0.filePath.lastIndex(of: "/") ?? $0.filePath.startIndex)]) + "/" } ?? ""
        let folder = folderPath.count > 1 ? open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
        defer { if folder >= 0 { close(folder) } }
        let skipped = folderPath.utf8.count
        let positions = stamps.positions(of: seeds)
        return Array(seeds.indices).parallelMap { i in
            let (seed, position) = (seeds[i], positions[i])
            // The name below the folder, as a pointer into the path: no string made per seed.
            let stamp = folder >= 0 && seed.filePath.hasBytePrefix(folderPath)
                ? seed.filePath.withCString { FileStamp(path: $0 + skipped, relativeTo: folder) }
                : FileStamp(path: seed.filePath)
            if let stamp, let position, stamps.entries[position].stamp == stamp {
                return SeedState(seed: seed, stamp: stamp, contentHash: stamps.entries[position].contentHash, isAsRecorded: true)
            }
            // A seed new to the records: no cache entry can be looked up by its hash either.
            if stamp != nil, position == nil { return SeedState(seed: seed, stamp: stamp, contentHash: nil) }
            guard stamp != nil, let bytes = FileBytes.read(seed.filePath) else {
                return SeedState(seed: seed, stamp: nil, contentHash: 0)
            }
            return SeedState(seed: seed, stamp: stamp, contentHash: contentHash(of: bytes))
        }
    }

    static func contentHash(of bytes: [UInt8]) -> UInt64 { max(1, StableHasher.hash(bytes)) }

    /// The stamps to record for the next build; nil when they are `recorded` already.
    static func stamps(of states: [SeedState], recorded: SeedStamps) -> SeedStamps? {
        precondition(states.allSatisfy { $0.contentHash != nil }, "seeds not read yet have no stamps to record")
        // Every seed found as recorded, and no recorded seed gone.
        if states.count == recorded.count, states.allSatisfy(\.isAsRecorded) { return nil }
        let stamps = Self.stamps(of: states)
        return stamps == recorded ? nil : stamps
    }

    /// The stamps to record for the next build.
    static func stamps(of states: [SeedState]) -> SeedStamps {
        SeedStamps(states.compactMap { state in
            state.stamp.map { (state.seed.path, SeedStamps.Entry(stamp: $0, contentHash: state.contentHash!)) }
        })
    }

    struct Loaded {
        /// The seeds' states, every content hash known now.
        var states: [SeedState]
        var articles: [Article]
        var diagnostics: [Diagnostic]
        /// Seeds that were imported rather than taken from the cache.
        var imported: Int
        /// The origins of the articles of those seeds (as their front matter gives them).
        var fresh: Set<String>
        /// The articles those seeds gave before, as the cache had them, by origin: what a
        /// patch of the search index takes out (`LastSeeds.published` makes them as the
        /// last build published them, when that differs).
        var replaced: [String: Article] = [:]
        /// The articles of the seeds gone since the cache was written, as it had them: what
        /// a patch of the search index takes out too.
        var gone: [Article] = []
        /// What changed in the cache: the entries of the seeds imported, and nil for each
        /// seed gone.
        var changes: [(path: String, entry: ArticleCache.Entry?)] = []
        /// The cache the load started from.
        var previous = ArticleCache()
        /// What the last build published its articles from, when a seed changed.
        var lastSeeds: LastSeeds?

        /// The cache as it stands after this load, one entry per seed: made only when asked
        /// for (an edit adds its changes to the end of the cache's file instead).
        var cache: ArticleCache {
            var cache = previous
            for (path, entry) in changes { cache[path] = entry }
            return cache
        }
    }

    /// Loads the seeds, taking those whose bytes are unchanged from `cache`.
    static func load(_ states: [SeedState], resolver: RegionResolver = RegionResolver(gazetteer: .shared),
                     cache: ArticleCache) -> Loaded {
        // What the cache has of the seeds as they are now; nil for those to import. A seed
        // not read yet is read here only when the cache has an entry to compare it with.
        let looked = states.parallelMap { state -> (entry: ArticleCache.Entry?, hash: UInt64?) in
            guard let cached = cache[state.seed.path] else { return (nil, state.contentHash) }
            let hash = state.contentHash ?? FileBytes.read(state.seed.filePath).map(contentHash(of:)) ?? 0
            return (hash != 0 && cached.contentHash == hash ? cached : nil, hash)
        }
        var entries = looked.map(\.entry)
        var states = states
        for i in states.indices { states[i].contentHash = looked[i].hash }
        let read = states
        let toImport = states.indices.filter { entries[$0] == nil }
        // The slugs the cache kept for the titles of the seeds imported again.
        var known: [String: Slug] = [:]
        for i in toImport {
            guard let cached = cache[states[i].seed.path], let title = cached.imported.value?.title,
                  let slug = Slug(cached.titleSlug) else { continue }
            known[title] = slug
        }
        let importer = ArticleImporter(resolver: resolver, slugs: SlugMemo(known: known))
        let imported = toImport.parallelMap { i -> ArticleCache.Entry in
            let state = read[i]
            guard state.contentHash != 0, let bytes = FileBytes.read(state.seed.filePath) else {
                let unreadable = Imported<Article>(nil, diagnostics: [.error(state.seed.path, "the file cannot be read", fix: "check its permissions")])
                return ArticleCache.Entry(contentHash: 0, imported: unreadable, textKey: 0)
            }
            let imported = importArticle(SourceFile(path: state.seed.path, bytes: bytes), kind: state.seed.kind, importer: importer)
            // The hash of the bytes imported: if the file changed since it was stamped, the
            // next build sees a new stamp, hashes again, and finds this entry.
            return ArticleCache.Entry(contentHash: contentHash(of: bytes), imported: imported,
                                      textKey: imported.value.map { DuplicateFinder.key(of: $0.body.markdown) } ?? 0,
                                      titleSlug: imported.value.flatMap { importer.slugs.known($0.title)?.rawValue } ?? "")
        }
        for (i, entry) in zip(toImport, imported) {
            entries[i] = entry
            states[i].contentHash = entry.contentHash
        }
        // A file that cannot be read is not recorded: the next build tries it again.
        for i in states.indices where states[i].contentHash == 0 { states[i].stamp = nil }

        var found: [Article] = [], keys: [UInt64] = [], diagnostics: [Diagnostic] = []
        found.reserveCapacity(states.count)
        keys.reserveCapacity(states.count)
        for case let entry? in entries {
            diagnostics += entry.imported.diagnostics
            if let article = entry.imported.value {
                found.append(article)
                keys.append(entry.textKey)
            }
        }
        let (articles, duplicates, altered) = published(found, keys: keys)

        var replaced: [String: Article] = [:]
        var changes: [(path: String, entry: ArticleCache.Entry?)] = []
        var new = 0
        for (i, entry) in zip(toImport, imported) {
            let path = states[i].seed.path
            if let old = cache[path] {
                if let article = old.imported.value { replaced[article.origin] = article }
            } else {
                new += 1
            }
            changes.append((path, entry))
        }
        // Seeds gone: the cache has entries for more paths than the seeds not new to it.
        var gone: [Article] = []
        var goneEntries: [ArticleCache.Entry] = []
        if cache.entries.count + new != states.count {
            let present = Set(states.map(\.seed.path))
            let goneSeeds = cache.entries.keys.filter { !present.contains($0) }.sorted()
            changes += goneSeeds.map { ($0, nil) }
            goneEntries = goneSeeds.compactMap { cache[$0] }
            gone = goneEntries.compactMap(\.imported.value)
        }
        // What the last build published its articles from: the seeds unchanged, and the
        // cache's entries of the others (`LastSeeds`).
        var lastSeeds: LastSeeds?
        if !changes.isEmpty, !cache.entries.isEmpty {
            var last = LastSeeds(altered: altered)
            last.articles.reserveCapacity(found.count + gone.count)
            last.keys.reserveCapacity(found.count + gone.count)
            let importedAgain = Set(toImport)
            for i in states.indices {
                let entry = importedAgain.contains(i) ? cache[states[i].seed.path] : entries[i]
                if let entry, let article = entry.imported.value {
                    last.articles.append(article)
                    last.keys.append(entry.textKey)
                }
            }
            // (A seed that gave no article, for an error, published nothing to take out.)
            for entry in goneEntries {
                guard let article = entry.imported.value else { continue }
                last.articles.append(article)
                last.keys.append(entry.textKey)
            }
            lastSeeds = last
        }
        return Loaded(states: states, articles: articles, diagnostics: diagnostics + duplicates, imported: toImport.count,
                      fresh: Set(imported.compactMap { $0.imported.value?.origin }), replaced: replaced, gone: gone,
                      changes: changes, previous: cache, lastSeeds: lastSeeds)
    }

    /// The articles of the last build's seeds as imported, with their text keys: the cache
    /// has them so, and `replaced` and `gone` are taken from it. The last build published
    /// them with copies folded in and slugs numbered, and that is what a patch of the
    /// search index must find by content hash and take out: `published` makes it again
    /// when they are not found as imported. (An article with a numbered slug, edited,
    /// rebuilt the whole search index: 1.7 s rather than 0.12 s at 10,000 articles, where
    /// one in twenty has one: now 0.15 s. Making the last build's publication again takes
    /// about 15 ms there, which is why it is made only then.)
    struct LastSeeds: Sendable {
        var articles: [Article] = []
        var keys: [UInt64] = []
        /// The slug and copies of this build's articles whose slug was numbered or that
        /// took copies in, by origin.
        var altered: [String: Published]

        struct Published: Sendable, Equatable {
            var slug: Slug
            var republished: [Republication]
        }

        /// `replaced` and `gone` (as the cache has them) as the last build published them;
        /// and with them, by origin, the articles whose seed is unchanged but whose slug or
        /// copies changed since (the first of two same-titled articles deleted, a copy added).
        func published(replaced: [String: Article], gone: [Article]) -> (replaced: [String: Article], gone: [Article]) {
            let last = ArticleLoader.published(articles, keys: keys)
            let lastByOrigin = Dictionary(last.articles.map { ($0.origin, $0) }, uniquingKeysWith: { a, _ in a })
            var replaced = replaced
            for origin in replaced.keys { replaced[origin] = lastByOrigin[origin] ?? replaced[origin] }
            let gone = gone.map { lastByOrigin[$0.origin] ?? $0 }
            // An article of an unchanged seed that is not altered at one of the two builds
            // is published there as imported, the same at both: altered at the other, it
            // differs; altered at both, it differs if its slug or copies do.
            let goneOrigins = Set(gone.map(\.origin))
            for origin in Set(last.altered.keys).union(altered.keys) where replaced[origin] == nil && !goneOrigins.contains(origin) {
                if let before = lastByOrigin[origin], altered[origin] != last.altered[origin] { replaced[origin] = before }
            }
            return (replaced, gone)
        }
    }

    /// The articles as they are published: copies folded into the original
    /// (`DuplicateFinder`), then slugs made unique; with the slug and copies of those whose
    /// slug was numbered or that took copies in (`altered`, by origin).
    static func published(_ found: [Article], keys: [UInt64]) -> (articles: [Article], diagnostics: [Diagnostic], altered: [String: LastSeeds.Published]) {
        let (unique, duplicates) = DuplicateFinder.fold(found, keys: keys)
        var altered: [String: LastSeeds.Published] = [:]
        var slugs = SlugRegistry(reservingCapacity: unique.count)
        // In seed order, so the first of two same-titled articles keeps the plain slug and
        // the others are numbered, the same way on every build. (The seeds are listed in
        // order of their paths: most often the articles are in order already.)
        let origins = unique.map(\.origin)
        let inOrder = zip(origins, origins.dropFirst()).allSatisfy { $0 < $1 }
        let order = inOrder ? Array(unique.indices) : unique.indices.sorted { origins[$0] < origins[$1] }
        let articles = order.map { i -> Article in
            var article = unique[i]
            // Set only when it changes: setting a field copies the article's fields, which
            // it shares with the cache (10,000 copies, 2 ms of an edit's 65 ms import).
            let slug = slugs.unique(article.slug)
            if slug != article.slug { article.slug = slug }
            if slug != unique[i].slug || !article.republished.isEmpty {
                altered[article.origin] = LastSeeds.Published(slug: slug, republished: article.republished)
            }
            return article
        }
        return (articles, duplicates, altered)
    }

    static func importArticle(_ file: SourceFile, kind: SeedFile.Kind, importer: ArticleImporter) -> Imported<Article> {
        switch kind {
        case .rawPage: return importer.importPage(file)
        case .authored:
            let decoded = SourceDecoder.decode(file)
            guard let text = decoded.value else { return Imported(nil, diagnostics: decoded.diagnostics) }
            return Intermediate.parse(lines: text.lines, file: file.path, slugs: importer.slugs)
        }
    }
}

/// Writes the intermediates of imported pages, so tools outside the project can read them.
enum IntermediateWriter {
    /// Writes, in parallel, the intermediate of every article in `articles` whose file is
    /// missing or may have changed: its seed was imported afresh (`fresh`), or its text
    /// depends on other articles (a numbered slug, a republication folded in). The others
    /// were written by an earlier build from the same bytes.
    static func write(_ articles: [Article], to directory: URL, fresh: Set<String>) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            _ = try articles.parallelMap { article in
                let name = (article.origin as NSString).lastPathComponent
                let path = directory.path + "/" + (name as NSString).deletingPathExtension + ".md"
                let mayHaveChanged = fresh.contains(article.origin) || !article.republished.isEmpty
                    || article.slug.rawValue.last?.isNumber == true
                guard mayHaveChanged || !FileManager.default.fileExists(atPath: path) else { return }
                let bytes = Array(Intermediate.text(for: article).utf8)
                if FileManager.default.contents(atPath: path).map(Array.init) != bytes { try AtomicFile.write(bytes, to: path) }
            }
        } catch {
            throw SitegenError(path: directory.path, message: "the Markdown intermediates cannot be written",
                               fix: "check that the folder is writable, or pass --markdown DIR", causes: [error.localizedDescription])
        }
    }
}
