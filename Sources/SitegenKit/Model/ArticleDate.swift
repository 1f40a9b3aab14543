/// 发布日期: the publication date, with the time of day when the page gives one.
public struct ArticleDate: Sendable, Hashable, Encodable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int?
    public let minute: Int?

    /// Returns nil for a date that does not exist (2023-02-30, month 13…).
    public init?(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...ArticleDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        if let hour, !(0...23).contains(hour) { return nil }
        if let minute, !(0...59).contains(minute) { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = hour == nil ? nil : (minute ?? 0)
    }

    /// Parses the front-matter forms `YYYY-MM-DD` and `YYYY-MM-DD HH:MM[:SS]`.
    public init?(frontMatter text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces)
            .split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let datePart = parts.first else { return nil }
        let ymd = datePart.split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3 else { return nil }
        var hour: Int?
        var minute: Int?
        if parts.count > 1 {
            let hm = parts[1].split(separator: ":").compactMap { Int($0) }
            guard hm.count >= 2 else { return nil }
            hour = hm[0]
            minute = hm[1]
        }
        self.init(year: ymd[0], month: ymd[1], day: ymd[2], hour: hour, minute: minute)
    }

    /// `2023-07-04`
    public var isoDate: String {
        "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))"
    }

    /// `2023-07-04` or `2023-07-04 11:27`, as written in front matter.
    public var description: String {
        guard let hour, let minute else { return isoDate }
        return "\(isoDate) \(Self.pad(hour)):\(Self.pad(minute))"
    }

    /// `2023年7月4日`, as Chinese portals print dates.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// RFC 3339 for feeds; China Standard Time, since every source is in it.
    public var rfc3339: String {
        "\(isoDate)T\(Self.pad(hour ?? 0)):\(Self.pad(minute ?? 0)):00+08:00"
    }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour ?? -1, lhs.minute ?? -1)
            < (rhs.year, rhs.month, rhs.day, rhs.hour ?? -1, rhs.minute ?? -1)
    }

    /// One number in the order `<` gives, equal only for equal dates: what sorting
    /// thousands of articles compares (a minute is given whenever an hour is).
    var sortKey: Int {
        (((year * 13 + month) * 32 + day) * 25 + (hour ?? -1) + 1) * 61 + (minute ?? -1) + 1
    }
}

private extension ArticleDate {
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
