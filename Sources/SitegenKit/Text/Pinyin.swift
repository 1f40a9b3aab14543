import Foundation

/// Toneless pinyin of Han characters, read with ICU's Han-Latin transform.
///
/// One ICU call costs about a millisecond however short the text, which made slugs
/// half of the import. ICU reads characters one by one except where a word rule applies
/// (重庆 → chóng qìng, not zhòng), and those rules look at the neighbouring character. So
/// we ask ICU for each pair of adjacent Han characters once, cache the answer, and read a
/// character as its pair reading when a neighbour changes it, else as itself alone.
final class Pinyin: @unchecked Sendable {
    static let shared = Pinyin()

    private let lock = NSLock()
    private var pairs: [UInt64: [String]] = [:]
    private var singles: [Unicode.Scalar: String] = [:]

    /// The text with each Han character replaced by its toneless syllable and a space.
    func romanize(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        prepare(scalars)
        var out = ""
        lock.lock()
        defer { lock.unlock() }
        for (i, scalar) in scalars.enumerated() {
            guard SearchText.isHan(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            let alone = singles[scalar] ?? ""
            var reading = alone
            if i > 0, SearchText.isHan(scalars[i - 1]), let pair = pairs[Self.key(scalars[i - 1], scalar)], pair[1] != alone {
                reading = pair[1]
            } else if i + 1 < scalars.count, SearchText.isHan(scalars[i + 1]), let pair = pairs[Self.key(scalar, scalars[i + 1])], pair[0] != alone {
                reading = pair[0]
            }
            out += " " + reading + " "
        }
        return out
    }

    /// Asks ICU, in one call, for every pair and character of the text not yet cached.
    private func prepare(_ scalars: [Unicode.Scalar]) {
        var wantedPairs: [(UInt64, Unicode.Scalar, Unicode.Scalar)] = []
        var wantedSingles: [Unicode.Scalar] = []
        lock.lock()
        for (i, scalar) in scalars.enumerated() where SearchText.isHan(scalar) {
            if singles[scalar] == nil, !wantedSingles.contains(scalar) { wantedSingles.append(scalar) }
            if i + 1 < scalars.count, SearchText.isHan(scalars[i + 1]) {
                let key = Self.key(scalar, scalars[i + 1])
                if pairs[key] == nil, !wantedPairs.contains(where: { $0.0 == key }) { wantedPairs.append((key, scalar, scalars[i + 1])) }
            }
        }
        lock.unlock()
        guard !wantedPairs.isEmpty || !wantedSingles.isEmpty else { return }
        // One line per pair or character: ICU's word rules never cross a line break.
        var lines = wantedPairs.map { String(String.UnicodeScalarView([$0.1, $0.2])) }
        lines += wantedSingles.map { String(String.UnicodeScalarView([$0])) }
        let latin = lines.joined(separator: "\n").applyingTransform(hanLatin, reverse: false) ?? ""
        let answers = latin.components(separatedBy: "\n").map { Self.toneless($0).split(separator: " ").map(String.init) }
        guard answers.count == lines.count else { return }
        lock.lock()
        for (n, pair) in wantedPairs.enumerated() where answers[n].count == 2 { pairs[pair.0] = answers[n] }
        for (n, scalar) in wantedSingles.enumerated() { singles[scalar] = answers[wantedPairs.count + n].first ?? "" }
        lock.unlock()
    }

    /// ICU's Han-Latin itself rather than Any-Latin (`.toLatin`), which finds each run's
    /// script and makes a Han-Latin for it on every call: the text is Han characters only,
    /// and the readings are the same (all 12,512 characters and pairs of the 50,000-article
    /// corpus's titles, campaigns and mentions, the seeds and the gazetteer). ICU's part of
    /// the slugs takes 11 % less time.
    private let hanLatin = StringTransform("Han-Latin")

    private static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    /// `chóng` → `chong`, `lǜ` → `lu`: the marks dropped after canonical decomposition.
    static func toneless(_ text: String) -> String {
        String(String.UnicodeScalarView(text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x0300...0x036F).contains($0.value)
        }))
    }
}
