import Foundation

/// What every published article should have. The build reports a broken rule as a
/// warning and publishes anyway; `sitegen check` reports it as an error.
public enum ArticleRules {
    public static func problems(of article: Article, today: ArticleDate, severity: Diagnostic.Severity) -> [Diagnostic] {
        let correction = article.origin.hasSuffix(".md") ? article.origin : ArticleImporter.correctionPath(for: article.origin)
        var problems: [Diagnostic] = []
        if article.region == nil {
            problems.append(Diagnostic(file: article.origin, severity: severity,
                message: "no division of China found in the headline, source or text",
                fix: "add region: \"六位代码\" (GB/T 2260) to \(correction)"))
        }
        if article.campaigns.isEmpty {
            problems.append(Diagnostic(file: article.origin, severity: severity,
                message: "no campaign (work model) named in the headline", fix: "add campaigns: [名称] to \(correction)"))
        }
        if article.date > today {
            problems.append(Diagnostic(file: article.origin, severity: severity,
                message: "dated \(article.date.isoDate), which is in the future", fix: "correct date: in \(correction)"))
        }
        return problems
    }
}

extension ArticleDate {
    /// Today in China Standard Time, the time zone every source publishes in.
    public static func today(at date: Foundation.Date = .init()) -> ArticleDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return ArticleDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
