/// A file's place inside the output folder: relative, `/`-separated, and unable to leave
/// it. Every component is checked, so nothing downstream has to check again.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Refuses empty, absolute, `.`/`..` and hidden components, backslashes, NUL and
    /// control characters.
    public init?(_ text: String) {
        guard !text.isEmpty, !text.hasPrefix("/"), text.utf8.count <= 1024 else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            guard !part.isEmpty, part != ".", part != "..", !part.hasPrefix("."),
                  !part.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F })
            else { return nil }
        }
        rawValue = text
    }

    /// `articles/<slug>/index.html`: a page at a pretty URL.
    public static func page(_ components: String...) -> OutputPath {
        OutputPath((components + ["index.html"]).joined(separator: "/"))!
    }

    public var components: [Substring] { rawValue.split(separator: "/") }

    /// How many folders deep the file sits: 0 for `index.html`, 2 for `articles/x/index.html`.
    public var depth: Int { components.count - 1 }

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

    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.rawValue < rhs.rawValue }
}
