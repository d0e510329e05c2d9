package io.coderoom.server.cluster;

import io.coderoom.server.transport.CloseCode;
import io.coderoom.server.transport.WebSocketClosing;
import io.coderoom.server.transport.WebSocketEndpoint;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client's socket spliced to the same socket at the room's owner: messages go through unchanged
 * both ways, each side's pace holds the other back (a side that cannot take more stops reading the
 * other), and a close on either side closes the other. The owner's close code reaches the client as
 * it was sent; an owner that vanishes without one (killed) closes the client with 1012, so it
 * reconnects and lands on whichever instance holds the room next.
 *
 * <p>The owner speaks first (a welcome, a sync step, or a refusal's Close) and may do so before the
 * client's handshake is done: what it sends until then waits here, in order.
 */
final class RelayedSocket extends ChannelInboundHandlerAdapter {
  /** An owner's socket the client side never took (the client left during the handshake). */
  private static final long UNCLAIMED_MS = 10_000;

  private static final String OWNER_GONE =
      "The server holding this room went away; reconnecting joins it again.";

  private final OwnerSide ownerSide;

  /**
   * @param admission completed with this socket once the owner accepted the handshake
   */
  RelayedSocket(CompletableFuture<WebSocketEndpoint.Admission> admission) {
    this.ownerSide = new OwnerSide(admission, this);
  }

  /** The handler of the connection to the owner. */
  ChannelInboundHandlerAdapter ownerSide() {
    return ownerSide;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel client = ctx.channel();
    ownerSide.owner.eventLoop().execute(() -> ownerSide.attach(client));
  }

  /** A message from the client: on to the owner. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    WebSocketFrame frame = passedOn(message);
    if (frame == null) {
      return;
    }
    Channel owner = ownerSide.owner;
    owner.writeAndFlush(frame);
    if (!owner.isWritable()) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ownerSide.owner.config().setAutoRead(ctx.channel().isWritable());
    ctx.fireChannelWritabilityChanged();
  }

  /** The client left: so does the relay's socket at the owner. */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Channel owner = ownerSide.owner;
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

  /**
   * The message as a frame to pass to the other side, or null (released) for what belongs to one
   * connection alone: pings and pongs, each connection answering its own peer's.
   */
  private static WebSocketFrame passedOn(Object message) {
    if (message instanceof WebSocketFrame frame
        && !(frame instanceof PingWebSocketFrame)
        && !(frame instanceof PongWebSocketFrame)) {
      return frame;
    }
    ReferenceCountUtil.release(message);
    return null;
  }

  /** The connection to the owner: its handshake, then its messages and its close to the client. */
  private static final class OwnerSide extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<WebSocketEndpoint.Admission> admission;
    private final RelayedSocket relayed;
    private final Queue<WebSocketFrame> early = new ArrayDeque<>();
    private Channel owner;
    private Channel client;
    private boolean closedByOwner;

    OwnerSide(CompletableFuture<WebSocketEndpoint.Admission> admission, RelayedSocket relayed) {
      this.admission = admission;
      this.relayed = relayed;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      owner = ctx.channel();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        // What came with the handshake waits in early; nothing more is read until the client's
        // side is open.
        ctx.channel().config().setAutoRead(false);
        admission.complete(new WebSocketEndpoint.Accept(relayed));
        ctx.executor()
            .schedule(
                () -> {
                  if (client == null) {
                    releaseEarly();
                    ctx.close();
                  }
                },
                UNCLAIMED_MS,
                TimeUnit.MILLISECONDS);
      } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        admission.completeExceptionally(new IllegalStateException("the owner did not answer"));
        ctx.close();
      }
      super.userEventTriggered(ctx, event);
    }

    /** The client's side is open (on the owner's loop): what waited goes first. */
    void attach(Channel clientChannel) {
      client = clientChannel;
      WebSocketFrame frame;
      while ((frame = early.poll()) != null) {
        forward(frame);
      }
      if (!owner.isActive() && !closedByOwner) {
        WebSocketClosing.start(client, CloseCode.SERVICE_RESTART, OWNER_GONE);
      }
      owner.config().setAutoRead(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      WebSocketFrame frame = passedOn(message);
      if (frame == null) {
        return;
      }
      if (client == null) {
        early.add(frame);
        return;
      }
      forward(frame);
    }

    private void forward(WebSocketFrame frame) {
      if (frame instanceof CloseWebSocketFrame close) {
        closedByOwner = true;
        int code = close.statusCode() > 0 ? close.statusCode() : CloseCode.NORMAL.code();
        String reason = close.reasonText();
        close.release();
        // Answer the owner's closing handshake, then give the client the owner's code.
        if (owner.isActive()) {
          owner
              .writeAndFlush(new CloseWebSocketFrame(code, reason))
              .addListener(ChannelFutureListener.CLOSE);
        }
        WebSocketClosing.start(client, code, reason);
        return;
      }
      client.writeAndFlush(frame);
      if (!client.isWritable()) {
        owner.config().setAutoRead(false);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (client != null) {
        client.config().setAutoRead(ctx.channel().isWritable());
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      admission.completeExceptionally(new IllegalStateException("the owner closed the connection"));
      if (client != null && !closedByOwner) {
        WebSocketClosing.start(client, CloseCode.SERVICE_RESTART, OWNER_GONE);
      }
      ctx.fireChannelInactive();
    }

    private void releaseEarly() {
      WebSocketFrame frame;
      while ((frame = early.poll()) != null) {
        frame.release();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      admission.completeExceptionally(cause);
      ctx.close();
    }
  }
}
