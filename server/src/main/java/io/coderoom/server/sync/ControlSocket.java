package io.coderoom.server.sync;

import io.coderoom.server.room.Principal;
import io.coderoom.server.sync.protocol.ControlCodec;
import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.SessionEvent;
import io.coderoom.server.transport.CloseCode;
import io.coderoom.server.transport.WebSocketClosing;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control socket: JSON text messages. Commands go to the room's event loop, which checks them
 * against the participant's role; events come back as text frames.
 */
final class ControlSocket extends SimpleChannelInboundHandler<WebSocketFrame>
    implements RoomSocket {
  private static final Logger log = LoggerFactory.getLogger(ControlSocket.class);

  private final LiveRoom room;
  private final Principal principal;
  private final Optional<String> requestedName;
  private final CommandRateLimit commands = new CommandRateLimit();
  private Channel channel;

  ControlSocket(LiveRoom room, Principal principal, Optional<String> requestedName) {
    this.room = room;
    this.principal = principal;
    this.requestedName = requestedName;
  }

  @Override
  public Principal principal() {
    return principal;
  }

  @Override
  public Optional<String> requestedName() {
    return requestedName;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    // A peer gone before the handshake finished never reports its channel inactive here.
    if (channel.isActive()) {
      room.execute(() -> room.joinControl(this));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    room.execute(() -> room.leave(this));
    ctx.fireChannelInactive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (!(frame instanceof TextWebSocketFrame text)) {
      close(CloseCode.UNSUPPORTED_DATA, "The control socket speaks JSON text messages.");
      return;
    }
    OptionalLong retryAfterMs = commands.take(System.nanoTime());
    if (retryAfterMs.isPresent()) {
      send(
          SessionEvent.Refusal.rateLimited(
              "Too many commands; slow down.", retryAfterMs.getAsLong()));
      return;
    }
    String message = text.text();
    room.metrics().received(text.content().readableBytes());
    room.execute(() -> room.command(this, message));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("{} control socket error: {}", room.id(), cause.toString());
    } else {
      log.warn("{} closing a control socket after error", room.id(), cause);
    }
    ctx.close();
  }

  void send(ControlEvent event) {
    send(ControlCodec.encode(event));
  }

  /** Sends an event encoded already (once for all the sockets it goes to). */
  void send(String json) {
    if (channel.isActive()) {
      channel.writeAndFlush(new TextWebSocketFrame(json), channel.voidPromise());
    }
  }

  @Override
  public void close(CloseCode code, String reason) {
    WebSocketClosing.start(channel, code, reason);
  }
}
