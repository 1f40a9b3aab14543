/// A file's place inside the output folder: relative, `/`-separated, and unable to leave
/// it. Every component is checked, so nothing downstream has to check again.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Refuses empty, absolute, `.`/`..` and hidden components, backslashes, NUL and
    /// control characters.
    public init?(_ text: String) {
        guard text.utf8.count <= 1024, Self.isSafe(text.utf8) else { return nil }
        rawValue = text
    }

    /// One pass over the bytes, component by component (a build checks tens of thousands).
    private static func isSafe(_ bytes: String.UTF8View) -> Bool {
        var componentLength = 0
        var startsWithDot = false
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if componentLength == 0 || startsWithDot { return false }
                componentLength = 0
                continue
            }
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { return false }
            if componentLength == 0 { startsWithDot = byte == UInt8(ascii: ".") }
            componentLength += 1
        }
        // A leading dot covers ".", ".." and hidden names alike.
        return componentLength > 0 && !startsWithDot
    }

    /// `articles/<slug>/index.html`: a page at a pretty URL.
    public static func page(_ components: String...) -> OutputPath {
        OutputPath((components + ["index.html"]).joined(separator: "/"))!
    }

    public var components: [Substring] { rawValue.split(separator: "/") }

    /// How many folders deep the file sits: 0 for `index.html`, 2 for `articles/x/index.html`.
    /// (Every relative link asks this, so it counts separators rather than splitting.)
    public var depth: Int { rawValue.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }

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
