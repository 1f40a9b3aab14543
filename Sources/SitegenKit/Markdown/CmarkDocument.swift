import CCmark
import Foundation

/// A CommonMark document as cmark's node tree. Owns the tree and frees it once.
///
/// Built either by parsing Markdown or node by node from the importer's blocks, so
/// that cmark's renderer, not string concatenation, does all of the escaping.
final class CmarkDocument {
    private let root: OpaquePointer
    /// Bytes of the Markdown parsed (0 when built from blocks): about as many as its text.
    private let sourceCount: Int

    init(markdown: String) {
        var markdown = markdown
        sourceCount = markdown.utf8.count
        root = markdown.withUTF8(Self.parse)
    }

    /// An article's body, parsed from its bytes as stored.
    init(body: ArticleBody) {
        sourceCount = body.utf8Count
        root = body.withUTF8Bytes(Self.parse)
    }

    /// Every byte to cmark, a NUL too (which it reads as U+FFFD): a string's and a stored
    /// body's bytes parse alike. (Read as a C string, text stopped at its first NUL.)
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer {
        bytes.withMemoryRebound(to: CChar.self) { text in
            guard let base = text.baseAddress else { return cmark_parse_document("", 0, CMARK_OPT_DEFAULT) }
            return cmark_parse_document(base, text.count, CMARK_OPT_DEFAULT)
        }
    }

    init(blocks: [BodyBlock]) {
        sourceCount = 0
        root = cmark_node_new(CMARK_NODE_DOCUMENT)
        for block in blocks {
            switch block {
            case let .heading(text):
                let heading = node(CMARK_NODE_HEADING, in: root)
                cmark_node_set_heading_level(heading, 2)
                appendText(text, in: heading)
            case let .paragraph(leadIn, body):
                let paragraph = node(CMARK_NODE_PARAGRAPH, in: root)
                var rest = body
                if let leadIn {
                    // The lead-in's closing punctuation stays outside the bold: CommonMark
                    // does not close `**` between a 。 and the next Han character, so
                    // `**一是深化理论武装。**将…` would not read back as bold.
                    let (words, punctuation) = Self.splitTrailingPunctuation(leadIn)
                    if words.isEmpty {
                        rest = leadIn + rest
                    } else {
                        appendText(words, in: node(CMARK_NODE_STRONG, in: paragraph))
                        rest = punctuation + rest
                    }
                }
                if !rest.isEmpty { appendText(rest, in: paragraph) }
            case let .orderedList(items):
                let list = node(CMARK_NODE_LIST, in: root)
                cmark_node_set_list_type(list, CMARK_ORDERED_LIST)
                cmark_node_set_list_start(list, 1)
                cmark_node_set_list_tight(list, 1)
                for item in items {
                    appendText(item, in: node(CMARK_NODE_PARAGRAPH, in: node(CMARK_NODE_ITEM, in: list)))
                }
            }
        }
    }

    deinit { cmark_node_free(root) }

    /// Normalised CommonMark, not wrapped (width 0).
    func commonMark() -> String {
        Self.take(cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0))
    }

    /// HTML in cmark's safe mode, as bytes: raw HTML becomes a comment, `javascript:` and
    /// other unsafe link targets become empty. (cmark writes valid UTF-8 for the valid
    /// UTF-8 it is given, as a string's is.)
    func htmlBytes() -> [UInt8] {
        guard let pointer = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return [] }
        defer { free(pointer) }
        return Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    /// The whole text without markup, one block (paragraph, heading, list item) a line:
    /// what a reader reads, for search. Gathered as bytes and made a string once, not a
    /// string made (and its bytes checked) for each of hundreds of text nodes. (cmark
    /// splits text only at ASCII, so no character is cut between two nodes.)
    func plainText() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sourceCount)
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) {
                    bytes.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                bytes.append(UInt8(ascii: " "))
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if event == CMARK_EVENT_EXIT { bytes.append(UInt8(ascii: "\n")) }
            default:
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The plain text of the first `count` top-level paragraphs, for summaries.
    func paragraphs(first count: Int) -> [String] {
        var result: [String] = []
        var child = cmark_node_first_child(root)
        while let node = child, result.count < count {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { result.append(Self.plainText(of: node)) }
            child = cmark_node_next(node)
        }
        return result
    }

    /// The text of every heading (nested ones too), in document order, with its level.
    func headings() -> [(level: Int, text: String)] {
        var result: [(Int, String)] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)
            if event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_HEADING {
                result.append((Int(cmark_node_get_heading_level(node)), Self.plainText(of: node!)))
            }
        }
        return result
    }
}

private extension CmarkDocument {
    @discardableResult
    func node(_ type: cmark_node_type, in parent: OpaquePointer) -> OpaquePointer {
        let node = cmark_node_new(type)!
        cmark_node_append_child(parent, node)
        return node
    }

    func appendText(_ literal: String, in parent: OpaquePointer) {
        let node = node(CMARK_NODE_TEXT, in: parent)
        cmark_node_set_literal(node, literal)
    }

    /// `一是深化理论武装。` → (`一是深化理论武装`, `。`). Only sentence ends move out;
    /// a closing quote stays inside, so quotes stay balanced within the bold.
    static func splitTrailingPunctuation(_ text: String) -> (String, String) {
        var words = Substring(text)
        while let last = words.last, "。！？；!?;：:，,".contains(last) { words = words.dropLast() }
        return (String(words), String(text[words.endIndex...]))
    }

    /// The literal text inside a node (text and code spans), for tables of contents.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            let current = cmark_iter_get_node(iterator)
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Copies a string cmark allocated, and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
