/// Reads a rendered page the way `sitegen check` needs: are its tags balanced, and where
/// does it link to.
struct PageChecker {
    /// Elements that never have a closing tag.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr"]
    /// Elements whose content is not markup.
    static let rawTextElements: Set<String> = ["script", "style"]

    var problems: [String] = []
    var links: [String] = []
    var ids: Set<String> = []

    /// Scans an HTML page: balanced tags, the targets of href/src/action, the ids.
    init(html: String) {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { problems.append("a comment is never closed"); break }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { problems.append("a tag is never closed"); break }
            let tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            let isClosing = tag.hasPrefix("/")
            let name = tag.drop(while: { $0 == "/" }).prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard !name.isEmpty else { problems.append("a stray < in the text"); continue }
            if isClosing {
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                    if let at = stack.lastIndex(of: name) { stack.removeSubrange(at...) }
                }
                continue
            }
            Self.attributes(of: tag, into: &self)
            if Self.voidElements.contains(name) || tag.hasSuffix("/") { continue }
            if Self.rawTextElements.contains(name) {
                guard let end = rest.range(of: "</\(name)>") else { problems.append("<\(name)> is never closed"); break }
                rest = rest[end.upperBound...]
                continue
            }
            stack.append(name)
        }
        for name in stack.reversed() { problems.append("<\(name)> is never closed") }
    }

    private static func attributes(of tag: Substring, into page: inout PageChecker) {
        for name in ["href", "src", "action", "id"] {
            var search = tag[...]
            while let range = search.range(of: " \(name)=\"") {
                let value = search[range.upperBound...].prefix { $0 != "\"" }
                let decoded = value.replacingOccurrences(of: "&amp;", with: "&")
                if name == "id" { page.ids.insert(decoded) } else { page.links.append(decoded) }
                search = search[range.upperBound...]
            }
        }
    }
}
