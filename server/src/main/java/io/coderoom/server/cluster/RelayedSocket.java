package io.coderoom.server.cluster;

import io.coderoom.server.transport.CloseCode;
import io.coderoom.server.transport.WebSocketClosing;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client's socket spliced to the same socket at the room's owner: messages go through unchanged
 * both ways, each side's pace holds the other back (a side that cannot take more stops reading the
 * other), and a close on either side closes the other. The owner's close code reaches the client as
 * it was sent; an owner that vanishes without one (killed) closes the client with 1012, so it
 * reconnects and lands on whichever instance holds the room next.
 */
final class RelayedSocket extends ChannelInboundHandlerAdapter {
  /** An owner's socket the client side never took (the client left during the handshake). */
  private static final long UNCLAIMED_MS = 10_000;

  private final Channel owner;
  private final ScheduledFuture<?> unclaimed;
  private Channel client;

  RelayedSocket(Channel owner) {
    this.owner = owner;
    this.unclaimed =
        owner
            .eventLoop()
            .schedule(
                () -> {
                  if (client == null) {
                    owner.close();
                  }
                },
                UNCLAIMED_MS,
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel clientChannel = ctx.channel();
    owner
        .eventLoop()
        .execute(
            () -> {
              client = clientChannel;
              unclaimed.cancel(false);
              if (!owner.isActive()) {
                WebSocketClosing.start(client, CloseCode.SERVICE_RESTART, OWNER_GONE);
                return;
              }
              owner.pipeline().addLast(new FromOwner(clientChannel));
              owner.config().setAutoRead(true);
            });
  }

  /** A message from the client: on to the owner. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!(message instanceof WebSocketFrame frame)
        || frame instanceof PingWebSocketFrame
        || frame instanceof PongWebSocketFrame) {
      ReferenceCountUtil.release(message);
      return;
    }
    owner.writeAndFlush(frame);
    if (!owner.isWritable()) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    owner.config().setAutoRead(ctx.channel().isWritable());
    ctx.fireChannelWritabilityChanged();
  }

  /** The client left: so does the relay's socket at the owner. */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (owner.isActive()) {
      owner
          .writeAndFlush(new CloseWebSocketFrame(CloseCode.GOING_AWAY.code(), "client left"))
          .addListener(ChannelFutureListener.CLOSE);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private static final String OWNER_GONE =
      "The server holding this room went away; reconnecting joins it again.";

  /** The owner's side: its messages and its close go to the client. */
  private static final class FromOwner extends ChannelInboundHandlerAdapter {
    private final Channel client;
    private boolean closedByOwner;

    FromOwner(Channel client) {
      this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      if (message instanceof CloseWebSocketFrame close) {
        closedByOwner = true;
        int code = close.statusCode() > 0 ? close.statusCode() : CloseCode.NORMAL.code();
        String reason = close.reasonText();
        // Answer the owner's closing handshake, then give the client the owner's code.
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason))
            .addListener(ChannelFutureListener.CLOSE);
        close.release();
        WebSocketClosing.start(client, code, reason);
        return;
      }
      if (!(message instanceof WebSocketFrame frame)
          || frame instanceof PingWebSocketFrame
          || frame instanceof PongWebSocketFrame) {
        ReferenceCountUtil.release(message);
        return;
      }
      client.writeAndFlush(frame);
      if (!client.isWritable()) {
        ctx.channel().config().setAutoRead(false);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      client.config().setAutoRead(ctx.channel().isWritable());
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!closedByOwner) {
        WebSocketClosing.start(client, CloseCode.SERVICE_RESTART, OWNER_GONE);
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
