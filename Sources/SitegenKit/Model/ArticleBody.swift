import Foundation

/// An article's body (CommonMark), and where it is kept: in memory, or in a
/// `BodyFile` — the article cache it was read from, or the spill file of a body imported
/// afresh. Bodies are most of an article's bytes (a 50,000-article site holds 300 MB of
/// them) and each is read only a few times after import (its page, its search document),
/// so a build keeps only the rest of each article in memory.
///
/// The hash stands for the text wherever only a change matters: fingerprints, equality.
public struct ArticleBody: Sendable, Equatable, Encodable {
    private enum Storage: Sendable {
        case text(String)
        case stored(BodyFile, offset: Int, count: Int)
    }

    private let storage: Storage
    /// `StableHasher.hash` of the text.
    public let hash: UInt64
    /// Bytes of UTF-8.
    public let utf8Count: Int

    public init(_ markdown: String) {
        storage = .text(markdown)
        hash = StableHasher.hash(markdown)
        utf8Count = markdown.utf8.count
    }

    /// The body of `count` bytes at `offset` in `file`, whose text hashes to `hash`.
    init(in file: BodyFile, offset: Int, count: Int, hash: UInt64) {
        storage = .stored(file, offset: offset, count: count)
        self.hash = hash
        utf8Count = count
    }

    /// The text, read from its file when it was spilled.
    public var markdown: String {
        switch storage {
        case let .text(text): text
        case let .stored(file, offset, count): file.read(offset: offset, count: count)
        }
    }

    /// The text's UTF-8 bytes, without making a string of a stored one.
    var utf8Bytes: [UInt8] {
        switch storage {
        case let .text(text): Array(text.utf8)
        case let .stored(file, offset, count): file.bytes(offset: offset, count: count)
        }
    }

    /// Calls `body` with the text's UTF-8 bytes: a stored body's as read from its file,
    /// not made a string first (which checks every byte as UTF-8 again), for cmark.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case var .text(text): text.withUTF8(body)
        case let .stored(file, offset, count): file.bytes(offset: offset, count: count).withUnsafeBufferPointer(body)
        }
    }

    /// Whether the body is in a file rather than in memory.
    var isStored: Bool {
        if case .stored = storage { true } else { false }
    }

    public static func == (a: ArticleBody, b: ArticleBody) -> Bool {
        a.hash == b.hash && a.utf8Count == b.utf8Count
    }

    /// Encoded as its hash: what a fingerprint of an article needs, without reading it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hash)
    }
}

/// A file that holds article bodies for the rest of a build: the article cache as this
/// build read it, or a spill file for the bodies imported afresh. Reads are `pread`s,
/// safe from any thread, through a descriptor kept open: a cache replaced meanwhile (by a
/// rename) stays readable as it was.
public final class BodyFile: Sendable {
    private let descriptor: Int32

    /// The file at `path`, to read bodies from; nil when it cannot be opened.
    init?(reading path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    /// A new spill file in `folder`, unlinked at once: it disappears when the build ends,
    /// however it ends. Nil when one cannot be made there (the bodies then stay in memory,
    /// which only costs memory). Only one build at a time uses the folder (the build
    /// lock), so a spill file found there is one a killed build made and had not yet
    /// unlinked.
    public init?(folder: URL) {
        let fm = FileManager.default
        try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".bodies-") {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
        var template = Array(folder.appendingPathComponent(".bodies-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        unlink(template)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The articles with their bodies moved into this file (those in memory: a body
    /// already in a file stays there), or nil when it cannot be written.
    public func spill(_ articles: [Article]) -> [Article]? {
        // Appended in order through the file's own offset (reads are `pread`s, which do
        // not move it).
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var written = 0
        func flush() -> Bool {
            defer { buffer.removeAll(keepingCapacity: true) }
            guard (try? AtomicFile.writeAll(buffer, to: descriptor)) != nil else { return false }
            written += buffer.count
            return true
        }
        var offsets: [Int] = []
        offsets.reserveCapacity(articles.count)
        for article in articles where !article.body.isStored {
            offsets.append(written + buffer.count)
            buffer += article.body.markdown.utf8
            if buffer.count >= 1 << 20, !flush() { return nil }
        }
        guard flush() else { return nil }
        var next = offsets.makeIterator()
        return articles.map { article in
            guard !article.body.isStored, let offset = next.next() else { return article }
            var article = article
            article.body = ArticleBody(in: self, offset: offset, count: article.body.utf8Count, hash: article.body.hash)
            return article
        }
    }

    fileprivate func read(offset: Int, count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            readAll(into: buffer.baseAddress!, offset: offset, count: count)
            return count
        }
    }

    fileprivate func bytes(offset: Int, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            readAll(into: buffer.baseAddress!, offset: offset, count: count)
            initialized = count
        }
    }

    private func readAll(into base: UnsafeMutablePointer<UInt8>, offset: Int, count: Int) {
        var done = 0
        while done < count {
            let n = pread(descriptor, base + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            // Only this build reaches the file (the spill is unlinked; the cache is replaced
            // only by renames, under the build lock): a failed read is a failing disk, past
            // anything a build can mend.
            guard n > 0 else { fatalError("sitegen: cannot read back an article body from the build's cache (errno \(errno))") }
            done += n
        }
    }
}
