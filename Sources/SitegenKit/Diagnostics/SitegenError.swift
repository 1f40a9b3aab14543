/// The build cannot go on: a missing template, an unwritable output folder.
/// Names the path and, where known, the line; says what happened and what to do.
public struct SitegenError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var fix: String
    /// The causes behind it, printed on indented `because:` lines.
    public var causes: [String]

    public init(path: String, line: Int? = nil, message: String, fix: String, causes: [String] = []) {
        self.path = path
        self.line = line
        self.message = message
        self.fix = fix
        self.causes = causes
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        var text = "\(place): error: \(message); \(fix)"
        for cause in causes { text += "\n  because: \(cause)" }
        return text
    }
}
