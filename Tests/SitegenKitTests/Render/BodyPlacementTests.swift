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
