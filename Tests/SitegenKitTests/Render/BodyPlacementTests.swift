import Foundation
import Testing
@testable import SitegenKit

@Suite("An article's body placed as bytes")
struct BodyPlacementTests {
    @Test("the templates place the body whole only when every tag naming it is {{{body}}} or {{& body}}")
    func placesBodyWhole() {
        for text in ["<div class=\"body\">{{{body}}}</div>", "{{& body }}", "{{{ body }}}{{{body}}}", "<body>{{title}}</body>",
                     "{{{bodyText}}}{{nobody}}", ""] {
            #expect(TemplateLibrary.placesBodyWhole(text), "\(text)")
        }
        for text in ["{{body}}", "{{{body}}}{{#body}}x{{/body}}", "{{^body}}empty{{/body}}", "{{{article.body}}}",
                     "{{{upper(body)}}}", "{{! body }}", "{{=<% %>=}}<%{body}%>", "{{{body}}}{{> body}}"] {
            #expect(!TemplateLibrary.placesBodyWhole(text), "\(text)")
        }
    }

    @Test("reading the tags on bytes answers as the regular expressions it replaced, on made-up template texts")
    func sameAsRegexes() {
        // What placesBodyWhole was: three Swift Regexes over the text.
        func byRegexes(_ text: String) -> Bool {
            guard !text.contains("{{=") else { return false }
            let tag = try! Regex(#"\{\{\{[^}]*\}\}\}|\{\{[^}]*\}\}"#)
            let namesBody = try! Regex(#"(^|[^A-Za-z0-9_])body([^A-Za-z0-9_]|$)"#)
            let whole = try! Regex(#"\{\{\{\s*body\s*\}\}\}|\{\{&\s*body\s*\}\}"#)
            return text.matches(of: tag).allSatisfy { match in
                let tag = text[match.range]
                return tag.firstMatch(of: namesBody) == nil || tag.wholeMatch(of: whole) != nil
            }
        }
        let pieces = ["{", "}", "{{", "}}", "{{{", "}}}", "body", "Body", "nobody", "body_", "&", "#", "/", "!", ">", " ", "\n", "x", "体", ".",
                      "{{{body}}}", "{{& body }}", "{{{\tbody\n}}}", "{{body}}", "{{{ body}}", "{{#body}}", "{{title}}"]
        var generator = SystemRandomNumberGenerator()
        var answers = [false: 0, true: 0]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = byRegexes(text)
            answers[expected, default: 0] += 1
            #expect(TemplateLibrary.placesBodyWhole(text) == expected, "\(text)")
        }
        // Both answers came up often enough for the comparison to mean something.
        #expect(answers[false]! > 100 && answers[true]! > 100, "\(answers)")
    }

    @Test("article pages with the body put in as bytes are those rendered with it as text, wherever the template places it")
    func sameBytes() throws {
        // The project's templates place it once; these place it twice more, once in the head.
        let spliced = try PageContextTests.projectTemplates("body-spliced")
        // The same, plus a tag that tests it (rendering nothing): the body goes in as text.
        let asText = try PageContextTests.projectTemplates("body-as-text")
        let article = try String(contentsOf: spliced.file("article.mustache"), encoding: .utf8)
        let twice = article.replacingOccurrences(of: "{{{body}}}", with: "{{{body}}}\n<aside>{{& body}}</aside>")
        #expect(twice != article)
        try twice.write(to: spliced.file("article.mustache"), atomically: true, encoding: .utf8)
        try (twice + "{{#body}}{{/body}}").write(to: asText.file("article.mustache"), atomically: true, encoding: .utf8)

        let (index, withBytes) = try PageContextTests.seedsSite(templates: spliced)
        let (_, withText) = try PageContextTests.seedsSite(templates: asText)
        #expect(withBytes.templates.placesBodyWhole && !withText.templates.placesBodyWhole)
        var articles = 0
        for page in PagePlanner.plan(index) {
            guard case let .article(i) = page.kind else { continue }
            let bytes = try withBytes.render(page)
            #expect(bytes == (try withText.render(page)), "\(page.path)")
            let html = String(decoding: bytes, as: UTF8.self)
            let body = HTMLRenderer.render(markdown: index.articles[i].body.markdown).html
            #expect(html.components(separatedBy: body).count == 3, "the body twice: \(page.path)")
            #expect(!html.contains("\u{1}"), "no marker left: \(page.path)")
            articles += 1
        }
        #expect(articles == index.articles.count)
    }
}
