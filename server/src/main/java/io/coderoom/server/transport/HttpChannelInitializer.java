package io.coderoom.server.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Owns the order of the HTTP pipeline: one named handler per concern. */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
  /** Request bodies are small JSON documents; anything bigger is refused with 413. */
  static final int MAX_REQUEST_BYTES = 1 << 20;

  private final HttpRequestHandler requestHandler;
  private final CrossSiteGuard crossSite;
  private final WebSocketEndpoint sockets;
  private final ConnectionTimeouts timeouts;
  private final TrustedProxies proxies;
  private final ChannelGroup connections;

  HttpChannelInitializer(
      HttpRequestHandler requestHandler,
      CrossSiteGuard crossSite,
      WebSocketEndpoint sockets,
      ConnectionTimeouts timeouts,
      TrustedProxies proxies,
      ChannelGroup connections) {
    this.requestHandler = requestHandler;
    this.crossSite = crossSite;
    this.sockets = sockets;
    this.timeouts = timeouts;
    this.proxies = proxies;
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.add(channel); // the group forgets it when it closes
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast(
        "idle", new IdleStateHandler(0, 0, timeouts.httpIdle().toMillis(), TimeUnit.MILLISECONDS));
    pipeline.addLast("idle-close", IdleCloser.INSTANCE);
    pipeline.addLast("http", new HttpServerCodec());
    pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
    pipeline.addLast("aggregate", new BodySizeLimit(MAX_REQUEST_BYTES));
    pipeline.addLast("cross-site", crossSite);
    pipeline.addLast(
        "ws-upgrade", new WebSocketUpgradeHandler(sockets, proxies, timeouts.webSocketPing()));
    pipeline.addLast("requests", requestHandler);
  }
}
