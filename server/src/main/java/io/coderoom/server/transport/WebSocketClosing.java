package io.coderoom.server.transport;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server's side of the WebSocket closing handshake (RFC 6455 §7.1): send Close, keep reading
 * and dropping what the peer still sends until its Close arrives, then close the connection.
 * Closing TCP right after our Close would leave the peer's in-flight frames unread, and the kernel
 * answers unread data with a reset that can destroy our Close frame before the peer reads it; the
 * peer would then see an abnormal closure instead of the code that tells it what to do. A peer that
 * never answers is cut off after a short grace period.
 */
public final class WebSocketClosing {
  static final long GRACE_MILLIS = 2_000;
  private static final AttributeKey<Boolean> CLOSING =
      AttributeKey.valueOf(WebSocketClosing.class, "closing");

  private WebSocketClosing() {}

  /**
   * Starts closing {@code channel} with {@code code}; later calls for the same channel do nothing.
   */
  public static void start(Channel channel, CloseCode code, String reason) {
    start(channel, code.code(), reason);
  }

  /**
   * Starts closing {@code channel} with a close code given as a number: one a peer sent, passed on
   * unchanged.
   */
  public static void start(Channel channel, int code, String reason) {
    if (!channel.isActive() || channel.attr(CLOSING).setIfAbsent(Boolean.TRUE) != null) {
      return;
    }
    channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
    ScheduledFuture<?> cutOff =
        channel.eventLoop().schedule(() -> channel.close(), GRACE_MILLIS, TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(closed -> cutOff.cancel(false));
  }

  /** Whether this side has sent its Close, so further frames from the peer are only drained. */
  static boolean isClosing(Channel channel) {
    return channel.hasAttr(CLOSING) && channel.attr(CLOSING).get() != null;
  }
}
