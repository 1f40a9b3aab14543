import Foundation

/// An article's body (normalised CommonMark), and where it is kept: in memory, or, once
/// imported, in a `BodySpill` file. Bodies are most of an article's bytes (a 50,000-article
/// site holds 300 MB of them) and each is read only a few times after import (its page,
/// its search document), so a build keeps only the rest of each article in memory.
///
/// The hash stands for the text wherever only a change matters: fingerprints, equality.
public struct ArticleBody: Sendable, Equatable, Encodable {
    private enum Storage: Sendable {
        case text(String)
        case spilled(BodySpill, offset: Int, count: Int)
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

    fileprivate init(spilledIn file: BodySpill, offset: Int, of body: ArticleBody) {
        storage = .spilled(file, offset: offset, count: body.utf8Count)
        hash = body.hash
        utf8Count = body.utf8Count
    }

    /// The text, read from its file when it was spilled.
    public var markdown: String {
        switch storage {
        case let .text(text): text
        case let .spilled(file, offset, count): file.read(offset: offset, count: count)
        }
    }

    var isSpilled: Bool {
        if case .spilled = storage { true } else { false }
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

/// An unlinked file that holds article bodies for the rest of a build: it disappears when
/// the build ends, however it ends. Reads are `pread`s, safe from any thread.
public final class BodySpill: Sendable {
    private let descriptor: Int32

    /// A new file in `folder`; nil when one cannot be made there (the bodies then stay in
    /// memory, which only costs memory). Only one build at a time uses the folder (the
    /// build lock), so a spill file found there is one a killed build made and had not
    /// yet unlinked.
    public init?(folder: URL) {
        let fm = FileManager.default
        try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".bodies-") {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
        var template = Array(folder.appendingPathComponent(".bodies-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        unlink(String(cString: template))
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The articles with their bodies moved into this file, or nil (and the articles as
    /// they were) when it cannot be written.
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
        for article in articles {
            offsets.append(written + buffer.count)
            buffer += article.body.markdown.utf8
            if buffer.count >= 1 << 20, !flush() { return nil }
        }
        guard flush() else { return nil }
        return zip(articles, offsets).map { article, offset in
            var article = article
            article.body = ArticleBody(spilledIn: self, offset: offset, of: article.body)
            return article
        }
    }

    fileprivate func read(offset: Int, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            var done = 0
            while done < count {
                let n = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                // The file is unlinked and only this build can reach it: a failed read is a
                // failing disk, past anything a build can mend.
                guard n > 0 else { fatalError("sitegen: cannot read back an article body from the build's spill file (errno \(errno))") }
                done += n
            }
            return count
        }
    }
}
