import Testing
@testable import SitegenKit

@Suite("XML well-formedness (libxml2, loaded by check)")
struct XMLWellFormednessTests {
    @Test("libxml2 is found on this machine")
    func available() {
        #expect(XMLWellFormedness.isAvailable)
    }

    @Test("a well-formed feed has no problem; a broken one gives libxml2's first error and its line")
    func problems() throws {
        let feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>民族团结 &amp; 进步</title>\n</feed>\n"
        #expect(XMLWellFormedness.problem(in: Array(feed.utf8)) == nil)

        let mismatched = feed.replacingOccurrences(of: "</title>", with: "</titel>")
        #expect(XMLWellFormedness.problem(in: Array(mismatched.utf8)) == "line 3: Opening and ending tag mismatch: title line 3 and titel")

        let entity = feed.replacingOccurrences(of: "&amp;", with: "&")
        let entityProblem = try #require(XMLWellFormedness.problem(in: Array(entity.utf8)))
        #expect(entityProblem.hasPrefix("line 3: "))

        // An error the parser recovers from still counts.
        let prefix = feed.replacingOccurrences(of: "<title>", with: "<atom:title>").replacingOccurrences(of: "</title>", with: "</atom:title>")
        let prefixProblem = try #require(XMLWellFormedness.problem(in: Array(prefix.utf8)))
        #expect(prefixProblem.contains("atom"))

        // A warning is not a problem: a namespace name that is not an absolute URI.
        let relative = feed.replacingOccurrences(of: "http://www.w3.org/2005/Atom", with: "atom")
        #expect(XMLWellFormedness.problem(in: Array(relative.utf8)) == nil)

        #expect(XMLWellFormedness.problem(in: []) == "the document is empty")
        #expect(XMLWellFormedness.problem(in: Array("<a>".utf8)) != nil)
    }
}
