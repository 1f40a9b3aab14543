/// A count with its noun, as the commands' summary lines print them: "1 article",
/// "0 errors", "2 warnings".
public func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
