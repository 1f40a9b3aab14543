import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a feed or the sitemap is well-formed XML, by libxml2's parser, which `sitegen
/// check` loads when it first needs it rather than linking it.
///
/// Linked (through Foundation's `XMLParser`), libxml2 came with system ICU, zlib and liblzma,
/// and every `sitegen` command loaded and bound all five at its start, though only `check`
/// parses XML: a rebuild with nothing changed at 10,000 articles took 40.3 ms with them
/// against 39.0 ms without (medians of 60, interleaved), `sitegen build --help` 5.8 against
/// 4.7 ms.
enum XMLWellFormedness {
    /// Whether libxml2 could be loaded; without it nothing is checked.
    static var isAvailable: Bool { Parser.shared != nil }

    /// nil when the bytes are well-formed XML (or libxml2 is not available), otherwise
    /// libxml2's first error, with its line.
    static func problem(in bytes: [UInt8]) -> String? {
        Parser.shared?.problem(in: bytes)
    }

    /// libxml2's entry points, from `dlopen`; one parser context per document, so that
    /// documents may be parsed on several threads at once.
    private struct Parser: @unchecked Sendable {
        typealias NewContext = @convention(c) () -> OpaquePointer?
        typealias FreeContext = @convention(c) (OpaquePointer?) -> Void
        typealias ReadMemory = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> OpaquePointer?
        typealias FreeDocument = @convention(c) (OpaquePointer?) -> Void
        typealias LastError = @convention(c) (OpaquePointer?) -> UnsafeRawPointer?

        let newContext: NewContext
        let freeContext: FreeContext
        let readMemory: ReadMemory
        let freeDocument: FreeDocument
        let lastError: LastError

        /// The library's soname on Debian 12 and 13, then on libxml2 2.14 and later, then on macOS.
        static let shared: Parser? = {
            for name in ["libxml2.so.2", "libxml2.so.16", "libxml2.2.dylib"] {
                guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
                func symbol<T>(_ name: String, as type: T.Type) -> T? {
                    dlsym(library, name).map { unsafeBitCast($0, to: type) }
                }
                guard let initialize = symbol("xmlInitParser", as: (@convention(c) () -> Void).self),
                      let newContext = symbol("xmlNewParserCtxt", as: NewContext.self),
                      let freeContext = symbol("xmlFreeParserCtxt", as: FreeContext.self),
                      let readMemory = symbol("xmlCtxtReadMemory", as: ReadMemory.self),
                      let freeDocument = symbol("xmlFreeDoc", as: FreeDocument.self),
                      let lastError = symbol("xmlCtxtGetLastError", as: LastError.self)
                else { continue }
                // Once, before any thread parses: it sets up the library's global tables.
                initialize()
                return Parser(newContext: newContext, freeContext: freeContext, readMemory: readMemory,
                              freeDocument: freeDocument, lastError: lastError)
            }
            return nil
        }()

        /// XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET: errors come back to be
        /// reported as diagnostics, not printed, and nothing is fetched from the network.
        private static let options: Int32 = 32 | 64 | 2048

        func problem(in bytes: [UInt8]) -> String? {
            // An empty array has no buffer to hand over (a template may render nothing).
            guard !bytes.isEmpty else { return "the document is empty" }
            guard let context = newContext() else { return "libxml2 could not make a parser" }
            defer { freeContext(context) }
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    readMemory(context, $0, Int32(clamping: buffer.count), nil, "utf-8", Self.options)
                }
            }
            if let document { freeDocument(document) }
            // A fatal error leaves no document; an error the parser goes on after (a
            // namespace prefix never declared) leaves one, and is reported all the same.
            let error = lastError(context)
            guard document == nil || error.map(Self.level) ?? 0 >= Self.errorLevel else { return nil }
            return Self.describe(error)
        }

        /// `XML_ERR_ERROR`: levels below it are warnings.
        private static let errorLevel: Int32 = 2

        /// libxml2's `xmlError`: `int domain, code; char *message; int level; char *file;
        /// int line; …`, laid out as C lays it out on a 64-bit system.
        private static func level(_ error: UnsafeRawPointer) -> Int32 {
            error.load(fromByteOffset: 16, as: Int32.self)
        }

        private static func describe(_ error: UnsafeRawPointer?) -> String {
            guard let error else { return "not well-formed" }
            let message = error.load(fromByteOffset: 8, as: UnsafePointer<CChar>?.self)
                .map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed"
            let line = error.load(fromByteOffset: 32, as: Int32.self)
            return line > 0 ? "line \(line): \(message)" : message
        }
    }
}
