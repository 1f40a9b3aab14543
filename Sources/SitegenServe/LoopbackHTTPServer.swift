import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1, on SwiftNIO: each request's head is answered
/// whole by `respond`, on the server's one event loop. Enough for a preview of static files.
///
/// SwiftNIO rather than a server built on Foundation's networking: that brings libcurl and
/// thirty shared libraries, which every `sitegen` command then loaded at its start (6 of
/// its 11 ms, in a rebuild after an edit that takes 0.13 s).
final class LoopbackHTTPServer: Sendable {
    struct Response: Sendable {
        var status: HTTPResponseStatus
        var headers: [(String, String)]
        var body: [UInt8] = []
    }

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    /// The port listened on (the one picked, when 0 was asked for).
    let port: UInt16

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel) {
        self.group = group
        self.channel = channel
        port = UInt16(channel.localAddress?.port ?? 0)
    }

    /// Listening once it returns.
    static func start(port: UInt16, respond: @escaping @Sendable (HTTPRequestHead) -> Response) async throws -> LoopbackHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(respond: respond))
                }
            }
        do {
            return LoopbackHTTPServer(group: group, channel: try await bootstrap.bind(host: "127.0.0.1", port: Int(port)).get())
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Answers each request when it has been read to its end; closes the connection after
/// the answer when the client does not keep it alive.
private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: @Sendable (HTTPRequestHead) -> LoopbackHTTPServer.Response
    private var head: HTTPRequestHead?

    init(respond: @escaping @Sendable (HTTPRequestHead) -> LoopbackHTTPServer.Response) { self.respond = respond }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case let .head(request): head = request
        case .body: break
        case .end:
            guard let request = head else { return }
            head = nil
            let response = respond(request)
            var headers = HTTPHeaders(response.headers)
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            if !request.isKeepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
            context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: response.status, headers: headers))),
                          promise: nil)
            if request.method != .HEAD {
                context.write(Self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
            }
            let written = context.eventLoop.makePromise(of: Void.self)
            if !request.isKeepAlive {
                let loopBound = context.loopBound
                written.futureResult.whenComplete { _ in loopBound.value.close(promise: nil) }
            }
            context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: written)
        }
    }
}
