import Foundation

/// Writes a search index as static files a browser fetches piece by piece:
///
/// - `search/manifest-<hash>.json`: which shard holds which terms, and the other files;
/// - `search/s<n>-<hash>.bin`: terms hashed (FNV-1a) into shards, so a query fetches
///   only the shards of its own terms; a very common term (民族, 团结) gets a file of its
///   own (`t-<hash>.bin`) rather than making its shard heavy for every other term;
/// - `search/docs-<hash>.json`: title, address, date, province and field bounds of each
///   article, and the Traditional→Simplified table the query is folded with;
/// - `search/text/<slug>-<hash>.txt`: each article's text, fetched only for the results
///   shown, to cut and highlight a snippet.
///
/// Every name carries a hash of its bytes, so a server may cache them forever and an
/// unchanged shard keeps its name and is not rewritten.
public enum SearchIndexWriter {
    /// Every file of the index is under this folder.
    static let folder = "search/"
    /// A term whose postings pass this many bytes is stored on its own.
    static let ownFileThreshold = 24 * 1024
    /// Aim for shards of about this size.
    static let shardTarget = 16 * 1024

    public static func files(for articles: [Article]) -> (files: [(OutputPath, [UInt8])], manifest: OutputPath) {
        let texts = articles.parallelMap(SearchText.init(article:))
        let index = SearchIndex(texts: texts)
        var files: [(OutputPath, [UInt8])] = []

        // Documents, and their texts for snippets.
        var documents: [[Any]] = []
        for (i, article) in articles.enumerated() {
            let text = Array(String(String.UnicodeScalarView(texts[i].original)).utf8)
            let textPath = OutputPath("search/text/\(article.slug)-\(hash(text)).txt")!
            files.append((textPath, text))
            documents.append([article.title, SitePaths.article(article.slug).rawValue, article.date.isoDate,
                              article.regions.first ?? "", article.regions.joined(separator: " · "),
                              texts[i].titleEnd, texts[i].campaignsEnd, texts[i].regionsEnd, textPath.rawValue])
        }
        let folding = HanFolding.table.sorted { $0.key.value < $1.key.value }
        let table: [String: Any] = [
            "documents": documents,
            "fold": [String(String.UnicodeScalarView(folding.map(\.key))), String(String.UnicodeScalarView(folding.map(\.value)))],
        ]
        let docs = json(table)
        let docsPath = OutputPath("search/docs-\(hash(docs)).json")!
        files.append((docsPath, docs))

        // Postings: common terms on their own, the rest hashed into shards.
        // In key order: deterministic, and without comparing non-ASCII strings.
        let keys = index.postings.keys.sorted()
        var blocks: [(term: String, bytes: [UInt8])] = keys.parallelMap { key in
            let term = index.term(for: key)
            return (term, encode(term, index.postings[key]!))
        }
        var ownFiles: [String: String] = [:]
        blocks.removeAll { block in
            guard block.bytes.count > ownFileThreshold else { return false }
            let path = OutputPath("search/t-\(hash(block.bytes)).bin")!
            files.append((path, block.bytes))
            ownFiles[block.term] = path.rawValue
            return true
        }
        let total = blocks.reduce(0) { $0 + $1.bytes.count }
        var shardCount = 8
        while shardCount * shardTarget < total { shardCount *= 2 }
        var shards = Array(repeating: [UInt8](), count: shardCount)
        for block in blocks { shards[Int(fnv1a32(Array(block.term.utf8)) & UInt32(shardCount - 1))] += block.bytes }
        var shardPaths: [String] = []
        for (n, shard) in shards.enumerated() {
            let path = OutputPath("search/s\(n)-\(hash(shard)).bin")!
            files.append((path, shard))
            shardPaths.append(path.rawValue)
        }

        let manifest = json(["shards": shardPaths, "own": ownFiles, "docs": docsPath.rawValue, "count": articles.count] as [String: Any])
        let manifestPath = OutputPath("search/manifest-\(hash(manifest)).json")!
        files.append((manifestPath, manifest))
        return (files, manifestPath)
    }

    /// A term's postings: term length and bytes, document count, then per document the
    /// gap from the previous document, the number of positions and the gaps between them,
    /// all as LEB128 varints.
    static func encode(_ term: String, _ postings: [SearchIndex.Posting]) -> [UInt8] {
        var out: [UInt8] = []
        let utf8 = Array(term.utf8)
        varint(utf8.count, &out)
        out += utf8
        varint(postings.count, &out)
        var previousDocument = 0
        for posting in postings {
            varint(Int(posting.document) - previousDocument, &out)
            previousDocument = Int(posting.document)
            varint(posting.positions.count, &out)
            var previous = 0
            for position in posting.positions {
                varint(Int(position) - previous, &out)
                previous = Int(position)
            }
        }
        return out
    }

    static func varint(_ value: Int, _ out: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// FNV-1a, 32 bits: the shard of a term. `search.js` computes the same.
    static func fnv1a32(_ bytes: [UInt8]) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    /// 12 hex digits of FNV-1a 64 over the bytes: enough to name a file by its content.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }

    static func json(_ value: Any) -> [UInt8] {
        [UInt8]((try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
    }
}
