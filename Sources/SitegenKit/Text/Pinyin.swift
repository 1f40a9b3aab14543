import Foundation

/// Toneless pinyin of Han characters, read with ICU's Han-Latin transform.
///
/// One ICU call costs about a millisecond however short the text, which made slugs
/// half of the import. ICU reads characters one by one except where a word rule applies
/// (重庆 → chóng qìng, not zhòng), and those rules look at the neighbouring character. So
/// we ask ICU for each pair of adjacent Han characters once, cache the answer, and read a
/// character as its pair reading when a neighbour changes it, else as itself alone.
///
/// ICU's answers are also kept in the build's cache (`keep(in:)`, `saveKept()`): ICU
/// compiles its Han-Latin rules at their first use in a process, about 55 ms on one core,
/// which an article added or a title corrected waited for: a new title whose pairs and
/// characters the site's other titles had already needs no ICU at all.
final class Pinyin: @unchecked Sendable {
    static let shared = Pinyin()

    private let lock = NSLock()
    private var pairs: [UInt64: [String]] = [:]
    private var singles: [Unicode.Scalar: String] = [:]
    /// Where the answers are kept between builds; whether they were read from there yet
    /// (when first needed); whether ICU gave answers the file does not have.
    private var keptFile: URL?
    private var keptRead = false
    private var learned = false
    /// Each line's reading, with tones, in one call: ICU's Han-Latin (a test counts the calls).
    private let askICU: @Sendable ([String]) -> [String]?

    init(askICU: @escaping @Sendable ([String]) -> [String]? = Pinyin.icuReadings) {
        self.askICU = askICU
    }

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
        if !keptRead, let keptFile {
            keptRead = true
            if let kept = Self.readKept(keptFile) {
                pairs.merge(kept.pairs) { known, _ in known }
                singles.merge(kept.singles) { known, _ in known }
            } else {
                learned = true
            }
        }
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
        guard let readings = askICU(lines), readings.count == lines.count else { return }
        let answers = readings.map { Self.toneless($0).split(separator: " ").map(String.init) }
        lock.lock()
        for (n, pair) in wantedPairs.enumerated() where answers[n].count == 2 { pairs[pair.0] = answers[n] }
        for (n, scalar) in wantedSingles.enumerated() { singles[scalar] = answers[wantedPairs.count + n].first ?? "" }
        learned = true
        lock.unlock()
    }

    /// ICU's readings of `lines`, one call for them all. One line per pair or character:
    /// ICU's word rules never cross a line break.
    static func icuReadings(_ lines: [String]) -> [String]? {
        lines.joined(separator: "\n").applyingTransform(hanLatin, reverse: false)?.components(separatedBy: "\n")
    }

    /// Keeps ICU's answers in `folder` (a build's cache): read from there when a text is
    /// first romanized, written back by `saveKept()`.
    func keep(in folder: URL) {
        let file = folder.appendingPathComponent(Self.keptFileName)
        lock.lock()
        if keptFile != file { (keptFile, keptRead) = (file, false) }
        lock.unlock()
    }

    /// Writes the answers to the file of `keep(in:)` when ICU gave some it does not have.
    func saveKept() {
        lock.lock()
        defer { lock.unlock() }
        guard let keptFile, keptRead, learned else { return }
        learned = false
        do {
            try FileManager.default.createDirectory(at: keptFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try BinaryWriter.write(to: keptFile) { writer in
                writer.write(Self.keptMagic)
                writer.write(GeneratorStamp.current)
                let pairs = pairs.sorted { $0.key < $1.key }
                writer.write(pairs.count)
                for (key, readings) in pairs {
                    writer.write(key)
                    writer.write(readings)
                }
                let singles = singles.sorted { $0.key.value < $1.key.value }
                writer.write(singles.count)
                for (scalar, reading) in singles {
                    writer.write(Int(scalar.value))
                    writer.write(reading)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: keptFile)
        }
    }

    /// The answers kept in `file`; nil when it is missing, damaged, or kept by another
    /// sitegen (whose ICU may read differently).
    static func readKept(_ file: URL) -> (pairs: [UInt64: [String]], singles: [Unicode.Scalar: String])? {
        BinaryReader.read(file) { reader in
            guard try reader.uint64() == keptMagic, try reader.uint64() == GeneratorStamp.current else { throw BinaryReader.Malformed() }
            var pairs: [UInt64: [String]] = [:]
            for _ in 0..<max(0, try reader.int()) {
                let key = try reader.uint64()
                let readings = try reader.strings()
                guard readings.count == 2 else { throw BinaryReader.Malformed() }
                pairs[key] = readings
            }
            var singles: [Unicode.Scalar: String] = [:]
            for _ in 0..<max(0, try reader.int()) {
                guard let scalar = Unicode.Scalar(UInt32(clamping: try reader.int())), SearchText.isHan(scalar) else { throw BinaryReader.Malformed() }
                singles[scalar] = try reader.string()
            }
            return (pairs, singles)
        }
    }

    static let keptFileName = "pinyin.bin"
    static let keptMagic: UInt64 = 0x7069_6E79_696E_0001  // "pinyin" + format 1

    /// ICU's Han-Latin itself rather than Any-Latin (`.toLatin`), which finds each run's
    /// script and makes a Han-Latin for it on every call: the text is Han characters only,
    /// and the readings are the same (all 12,512 characters and pairs of the 50,000-article
    /// corpus's titles, campaigns and mentions, the seeds and the gazetteer). ICU's part of
    /// the slugs takes 11 % less time.
    private static let hanLatin = StringTransform("Han-Latin")

    private static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    /// `chóng` → `chong`, `lǜ` → `lu`: the marks dropped after canonical decomposition.
    static func toneless(_ text: String) -> String {
        String(String.UnicodeScalarView(text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x0300...0x036F).contains($0.value)
        }))
    }
}
