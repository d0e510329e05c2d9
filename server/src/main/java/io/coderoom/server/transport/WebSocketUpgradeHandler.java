package io.coderoom.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an HTTP connection into a WebSocket when a {@code /ws/} request asks to upgrade and its
 * endpoint admits it. Reading pauses while admission runs, so no frame arrives before the socket
 * has its handler. Requests that are not upgrades pass on to the HTTP handler.
 */
final class WebSocketUpgradeHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(WebSocketUpgradeHandler.class);

  private final WebSocketEndpoint endpoint;
  private final TrustedProxies proxies;

  /** A ping after this long without hearing from the peer; silence for twice as long closes it. */
  private final Duration ping;

  WebSocketUpgradeHandler(WebSocketEndpoint endpoint, TrustedProxies proxies, Duration ping) {
    this.endpoint = endpoint;
    this.proxies = proxies;
    this.ping = ping;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request) || !isUpgrade(request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    Request copy;
    FullHttpRequest handshake;
    try {
      copy = Request.received(request, ctx.channel().remoteAddress(), proxies);
      // An upgrade carries no body. The pooled request is let go now rather than held across the
      // admission, which may never come back (a server stopping under it): nothing leaks then.
      handshake = request.replace(Unpooled.EMPTY_BUFFER);
    } finally {
      request.release();
    }
    ctx.channel().config().setAutoRead(false);
    CompletionStage<WebSocketEndpoint.Admission> admission;
    try {
      admission = endpoint.admit(copy, ctx.channel().eventLoop());
    } catch (RuntimeException e) {
      admission = CompletableFuture.failedFuture(e);
    }
    admission.whenComplete(
        (result, error) ->
            ctx.executor().execute(() -> complete(ctx, handshake, copy, result, error)));
  }

  private void complete(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      Request copy,
      WebSocketEndpoint.Admission admission,
      Throwable error) {
    try {
      if (!ctx.channel().isActive()) {
        return;
      }
      if (error != null) {
        log.error("{} admitting {} failed", ctx.channel().id(), copy.path(), error);
        admission =
            new WebSocketEndpoint.Refuse(CloseCode.SERVER_FAILED, "The server failed; try again.");
      }
      WebSocketServerHandshaker handshaker =
          new WebSocketServerHandshakerFactory(
                  "ws://" + request.headers().get(HttpHeaderNames.HOST) + copy.path(),
                  null,
                  false,
                  WebSocketEndpoint.MAX_MESSAGE_BYTES)
              .newHandshaker(request);
      if (handshaker == null) {
        WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
        return;
      }
      WebSocketEndpoint.Admission decided = admission;
      handshaker
          .handshake(ctx.channel(), request)
          .addListener(
              (ChannelFutureListener)
                  done -> {
                    if (!done.isSuccess()) {
                      ctx.close();
                      return;
                    }
                    switch (decided) {
                      case WebSocketEndpoint.Accept accept -> open(ctx, accept.handler());
                      case WebSocketEndpoint.Refuse refuse -> {
                        Channel channel = ctx.channel();
                        open(ctx, null);
                        WebSocketClosing.start(channel, refuse.code(), refuse.reason());
                      }
                    }
                  });
    } finally {
      ctx.channel().config().setAutoRead(true);
    }
  }

  /** Swaps the HTTP handlers for WebSocket ones; {@code socket} is null for a refused socket. */
  private void open(ChannelHandlerContext ctx, ChannelHandler socket) {
    ChannelPipeline pipeline = ctx.pipeline();
    // The handshake swapped the HTTP codec for WebSocket frames; the HTTP-only handlers go too.
    for (String name : new String[] {"keep-alive", "idle", "idle-close", "requests"}) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
    pipeline.addLast(
        "ws-aggregate", new WebSocketFrameAggregator(WebSocketEndpoint.MAX_MESSAGE_BYTES));
    pipeline.addLast("ws-idle", new IdleStateHandler(ping.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    pipeline.addLast("ws-control", WebSocketControlFrames.INSTANCE);
    if (socket != null) {
      pipeline.addLast("ws-socket", socket);
    }
    pipeline.remove(this);
  }

  private boolean isUpgrade(FullHttpRequest request) {
    return request.uri().startsWith("/ws/")
        && request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }
}
