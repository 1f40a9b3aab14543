/// One problem with one input. The build records it and goes on.
///
/// Prints as one line an editor can act on:
/// `seeds/003.txt:14: warning: only a year, no date; add "date: YYYY-MM-DD" to seeds/003.md`
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// The file as the editor named it (`seeds/003.txt`).
    public var file: String
    /// 1-based line in the original file, when the problem has one.
    public var line: Int?
    public var severity: Severity
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var fix: String

    public init(file: String, line: Int? = nil, severity: Severity, message: String, fix: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    public static func error(_ file: String, line: Int? = nil, _ message: String, fix: String) -> Diagnostic {
        Diagnostic(file: file, line: line, severity: .error, message: message, fix: fix)
    }

    public static func warning(_ file: String, line: Int? = nil, _ message: String, fix: String) -> Diagnostic {
        Diagnostic(file: file, line: line, severity: .warning, message: message, fix: fix)
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(severity.rawValue): \(message); \(fix)"
    }
}

/// A stage's value together with what it found wrong on the way.
/// `value` is nil when the input could not be used at all.
public struct Imported<Value: Sendable>: Sendable {
    public var value: Value?
    public var diagnostics: [Diagnostic]

    public init(_ value: Value?, diagnostics: [Diagnostic] = []) {
        self.value = value
        self.diagnostics = diagnostics
    }
}
extension Imported: Equatable where Value: Equatable {}
