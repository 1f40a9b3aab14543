/// Turns a headline as the page shows it into the article's title.
enum TitleCleaner {
    /// `【民族团结进步活动月】康巴什区:…` → (`康巴什区:…`, tag `民族团结进步活动月`);
    /// `视听甘肃丨永登县:…` → `永登县:…`; `…工作(图)` → `…工作`; `## 标题` → `标题`.
    static func clean(_ line: String) -> (title: String, tag: String?) {
        var text = Substring(line.trimmedPageText)
        while text.first == "#" { text = text.dropFirst() }
        text = Substring(text.trimmedPageText)

        var tag: String?
        if text.first == "【", let close = text.firstIndex(of: "】") {
            let inner = text[text.index(after: text.startIndex)..<close].trimmedPageText
            let rest = text[text.index(after: close)...].trimmedPageText
            if !inner.isEmpty, rest.count >= 4 {
                tag = inner
                text = Substring(rest)
            }
        }

        // A programme or column name before 丨: short, and the rest is the real headline.
        // (Looked for among the first eleven characters only, where a first separator can
        // leave a name of ten or fewer: the body's first paragraph is checked too, and
        // walking all of it was a twentieth of importing a page.)
        if let separator = text.prefix(11).firstIndex(where: { ChromePatterns.columnSeparators.contains($0) }) {
            let rest = text[text.index(after: separator)...].trimmedPageText
            if !rest.hasAtMost(5) { text = Substring(rest) }
        }

        var changed = true
        while changed {
            changed = false
            for marker in ChromePatterns.titleMarkers where text.hasSuffix(marker) {
                text = Substring(text.dropLast(marker.count).trimmedPageText)
                changed = true
            }
        }
        return (String(text), tag)
    }
}
