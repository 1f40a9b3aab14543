/// Finds publication dates in byline text: `2023-07-04`, `2025-04-09 11:27:00`,
/// `2019/5/26 11:08:34`, `2022年9月13日`, `2023.07.04`.
enum DateScanner {
    struct Found: Equatable {
        var date: ArticleDate
        /// Character offsets in the scanned line.
        var range: Range<Int>
    }

    /// Whether the line has four ASCII digits in a row, as every date read here has (its
    /// year): most lines have none, and need not be split into characters to be searched
    /// (which, for every short line of every page, was a twentieth of an import).
    static func hasYearDigits(_ line: String) -> Bool {
        line.withUTF8Bytes { bytes in
            var run = 0
            for byte in bytes {
                run = (0x30...0x39).contains(byte) ? run + 1 : 0
                if run == 4 { return true }
            }
            return false
        }
    }

    /// The first full date (year, month and day) in `line`, with its time of day if one follows.
    static func firstDate(in line: String) -> Found? {
        guard hasYearDigits(line) else { return nil }
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            if let found = date(at: i, in: chars) { return found }
            i += 1
        }
        return nil
    }

    /// A day/month/year written with slashes and the year last (`07/04/2023`), which cannot
    /// be read without guessing the order.
    static func ambiguousDate(in line: String) -> String? {
        guard hasYearDigits(line) else { return nil }
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            if i == 0 || !chars[i - 1].isASCIIDigit,
               let (a, j) = number(at: i, in: chars, maxDigits: 2), j < chars.count, chars[j] == "/",
               let (b, k) = number(at: j + 1, in: chars, maxDigits: 2), k < chars.count, chars[k] == "/",
               let (year, end) = number(at: k + 1, in: chars, maxDigits: 4), end - k - 1 == 4,
               (1900...2999).contains(year), (1...31).contains(a), (1...31).contains(b) {
                return String(chars[i..<end])
            }
            i += 1
        }
        return nil
    }
}

private extension DateScanner {
    static func date(at start: Int, in chars: [Character]) -> Found? {
        guard start == 0 || !chars[start - 1].isASCIIDigit,
              let (year, afterYear) = number(at: start, in: chars, maxDigits: 4), afterYear - start == 4,
              afterYear < chars.count, let sep = separator(chars[afterYear]),
              let (month, afterMonth) = number(at: afterYear + 1, in: chars, maxDigits: 2),
              afterMonth < chars.count, chars[afterMonth] == monthSeparatorFor(sep),
              let (day, afterDay) = number(at: afterMonth + 1, in: chars, maxDigits: 2)
        else { return nil }
        var end = afterDay
        if sep == "年", end < chars.count, chars[end] == "日" { end += 1 }
        if end < chars.count, chars[end].isASCIIDigit { return nil }
        var hour: Int?
        var minute: Int?
        if let (h, m, timeEnd) = time(after: end, in: chars) {
            hour = h
            minute = m
            end = timeEnd
        }
        guard let date = ArticleDate(year: year, month: month, day: day, hour: hour, minute: minute)
        else { return nil }
        return Found(date: date, range: start..<end)
    }

    /// `11:27`, `11:27:00` or `10时40分` after optional spaces.
    static func time(after index: Int, in chars: [Character]) -> (Int, Int, Int)? {
        var i = index
        while i < chars.count, chars[i] == " " || chars[i] == "\u{3000}" || chars[i] == "\u{A0}" { i += 1 }
        guard let (h, afterHour) = number(at: i, in: chars, maxDigits: 2), afterHour < chars.count,
              chars[afterHour] == ":" || chars[afterHour] == "：" || chars[afterHour] == "时",
              let (m, afterMinute) = number(at: afterHour + 1, in: chars, maxDigits: 2),
              afterMinute - afterHour - 1 == 2 || chars[afterHour] == "时"
        else { return nil }
        var end = afterMinute
        if end < chars.count, chars[end] == "分" { end += 1 }
        if end < chars.count, chars[end] == ":",
           let (_, afterSecond) = number(at: end + 1, in: chars, maxDigits: 2) {
            end = afterSecond
        }
        return (h, m, end)
    }

    static func number(at start: Int, in chars: [Character], maxDigits: Int) -> (Int, Int)? {
        var value = 0
        var i = start
        while i < chars.count, i - start < maxDigits, let digit = chars[i].wholeNumberValue, chars[i].isASCIIDigit {
            value = value * 10 + digit
            i += 1
        }
        return i > start ? (value, i) : nil
    }

    static func separator(_ c: Character) -> Character? {
        ["-", "/", ".", "年"].contains(c) ? c : nil
    }

    static func monthSeparatorFor(_ yearSeparator: Character) -> Character {
        yearSeparator == "年" ? "月" : yearSeparator
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }

    /// A CJK Unified Ideograph (the Han characters of running text), by its first scalar.
    var isHan: Bool { unicodeScalars.first.map(SearchText.isHan) ?? false }
}
