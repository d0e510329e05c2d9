package io.coderoom.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ping, pong and close for every socket, so the socket handler sees only messages: answers pings,
 * pings a peer that has been quiet, closes one that stays silent past the pong timeout, echoes a
 * peer's close, and drains what arrives after ours (see {@link WebSocketClosing}). Oversize and
 * corrupt frames close with 1009 and 1002.
 */
@Sharable
final class WebSocketControlFrames extends ChannelInboundHandlerAdapter {
  static final WebSocketControlFrames INSTANCE = new WebSocketControlFrames();
  private static final Logger log = LoggerFactory.getLogger(WebSocketControlFrames.class);

  private WebSocketControlFrames() {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
      case PongWebSocketFrame pong -> pong.release();
      case CloseWebSocketFrame close when WebSocketClosing.isClosing(ctx.channel()) -> {
        // The peer answered the Close we sent: the handshake is complete.
        close.release();
        ctx.close();
      }
      case CloseWebSocketFrame close ->
          ctx.writeAndFlush(close.retainedDuplicate())
              .addListener(ChannelFutureListener.CLOSE)
              .addListener(done -> close.release());
      default -> {
        if (WebSocketClosing.isClosing(ctx.channel())) {
          ReferenceCountUtil.release(msg); // sent before the peer saw our Close: drained, unread
        } else {
          ctx.fireChannelRead(msg);
        }
      }
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
      // The peer was silent for a ping interval: ping it. Silent for another (no pong either):
      // it is gone. Watching reads only keeps writes free of idle bookkeeping.
      if (idle.isFirst()) {
        ctx.writeAndFlush(new PingWebSocketFrame());
      } else {
        close(ctx, CloseCode.GOING_AWAY, "No answer to pings; reconnect.");
      }
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      close(ctx, CloseCode.MESSAGE_TOO_BIG, "Messages are limited to 1 MiB.");
    } else if (cause instanceof CorruptedFrameException) {
      close(ctx, CloseCode.PROTOCOL_ERROR, "Malformed WebSocket frame.");
    } else if (cause instanceof IOException) {
      log.debug("{} socket error: {}", ctx.channel().id(), cause.toString());
      ctx.close();
    } else {
      log.warn("{} closing socket after error", ctx.channel().id(), cause);
      close(ctx, CloseCode.INTERNAL_ERROR, "The server failed; reconnect.");
    }
  }

  private static void close(ChannelHandlerContext ctx, CloseCode code, String reason) {
    WebSocketClosing.start(ctx.channel(), code, reason);
  }
}
