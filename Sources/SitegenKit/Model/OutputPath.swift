/// A file's place inside the output folder: relative, `/`-separated, and unable to leave
/// it. Every component is checked, so nothing downstream has to check again.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    /// How many folders deep the file sits: 0 for `index.html`, 2 for `articles/x/index.html`.
    /// Counted once, while the path is checked: every relative link on a page asks it.
    public let depth: Int

    /// Refuses empty, absolute, `.`/`..` and hidden components, backslashes, NUL and
    /// control characters.
    public init?(_ text: String) {
        var text = text
        // Over the bytes in memory, not the UTF-8 view: a rebuild checks the last build's
        // 31,000 paths and the plan's 16,500, and byte by byte through the view took 3 ms.
        guard text.utf8.count <= 1024, let depth = text.withUTF8(Self.safeDepth) else { return nil }
        rawValue = text
        self.depth = depth
    }

    /// Whether `bytes` would make an output path (see `init`), without making one.
    static func isSafe(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count <= 1024 && safeDepth(bytes.assumingMemoryBound(to: UInt8.self)) != nil
    }

    /// One pass over the bytes, component by component (a build checks tens of thousands):
    /// the number of separators, or nil when the path is not safe.
    private static func safeDepth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var componentLength = 0
        var startsWithDot = false
        var separators = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if componentLength == 0 || startsWithDot { return nil }
                componentLength = 0
                separators += 1
                continue
            }
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { return nil }
            if componentLength == 0 { startsWithDot = byte == UInt8(ascii: ".") }
            componentLength += 1
        }
        // A leading dot covers ".", ".." and hidden names alike.
        return componentLength > 0 && !startsWithDot ? separators : nil
    }

    // The path alone says which file it is (the depth follows from it).
    public static func == (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// `articles/<slug>/index.html`: a page at a pretty URL.
    public static func page(_ components: String...) -> OutputPath {
        OutputPath((components + ["index.html"]).joined(separator: "/"))!
    }

    public var components: [Substring] { rawValue.split(separator: "/") }

    /// The relative URL from this file to `target`, as a browser opening files from disk
    /// needs it: `../../regions/620000/index.html`.
    public func link(to target: OutputPath) -> String {
        String(repeating: "../", count: depth) + target.rawValue
    }

    /// The URL of the folder this page is the index of, below the site root (`articles/x/`).
    public var prettyURL: String {
        rawValue == "index.html" ? "" :
            rawValue.hasSuffix("/index.html") ? String(rawValue.dropLast("index.html".count)) : rawValue
    }

    public var description: String { rawValue }

    /// By bytes (for ASCII paths, as strings compare): the manifest sorts every path of the
    /// site on each build.
    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { String.precedesByBytes(lhs.rawValue, rhs.rawValue) }
}
