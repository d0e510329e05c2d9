package io.coderoom.loadtest;

import io.coderoom.crdt.sync.SyncMessage;
import io.coderoom.crdt.sync.SyncProtocol;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated editor on one WebSocket: it types timestamped markers ({@code <sender:nanos>}) into
 * its own run of the shared text and, for every marker another editor typed, records how long it
 * took to arrive. Everything of one client happens on its channel's event loop, and all clients
 * share one JVM, so their nanosecond clocks agree.
 */
final class TypingClient extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final int SYNC = 0;
  private static final int STEP1 = 0;
  private static final int STEP2 = 1;
  private static final int UPDATE = 2;

  /** An empty update: the client has nothing the server lacks. */
  private static final byte[] EMPTY_STEP2 = {SYNC, STEP2, 2, 0, 0};

  private final int id;
  private final TypedRun run;
  private final Framing framing;
  private final Deliveries deliveries;
  private final AtomicLong edits;
  private final AtomicLong errors;
  final CompletableFuture<Void> synced = new CompletableFuture<>();
  private Channel channel;
  private ScheduledFuture<?> typing;
  private volatile boolean closing;
  private volatile String instance = "";

  /**
   * Characters of its own each editor keeps; older ones are deleted as it types. At about 22
   * characters an edit and 5 edits a second, deleting begins some 7 s in, inside a step's warm-up,
   * so every measured second is the same mix of inserts and deletes. Four editors keep a room's
   * code at about 3,200 characters, the size of an interview solution.
   */
  private static final int LIVE_CHARS = 800;

  TypingClient(
      int id, Framing framing, Deliveries deliveries, AtomicLong edits, AtomicLong errors) {
    this.id = id;
    this.run = new TypedRun(0x4000_0000L + id, "codemirror", LIVE_CHARS);
    this.framing = framing;
    this.deliveries = deliveries;
    this.edits = edits;
    this.errors = errors;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      channel = ctx.channel();
      framing.hello().forEach(this::writeFrame); // already framed
      write(SyncProtocol.encode(new SyncMessage.Step1(new byte[] {0})));
      channel.flush();
    } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      synced.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
    }
    ctx.fireUserEventTriggered(event);
  }

  /** Types {@code perSecond} edits a second, from a random phase, until the socket closes. */
  void startTyping(double perSecond, long phaseNanos) {
    long period = (long) (1e9 / perSecond);
    typing =
        channel
            .eventLoop()
            .scheduleAtFixedRate(this::typeOne, phaseNanos % period, period, TimeUnit.NANOSECONDS);
  }

  private void typeOne() {
    if (!channel.isActive()) {
      return;
    }
    write(SyncProtocol.update(run.type("<" + id + ":" + System.nanoTime() + ">")));
    channel.flush();
    edits.incrementAndGet();
  }

  private void write(byte[] message) {
    writeFrame(framing.wrap(message));
  }

  private void writeFrame(byte[] frame) {
    channel.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame)));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof CloseWebSocketFrame) {
      errors.incrementAndGet();
      return;
    }
    if (!(frame instanceof BinaryWebSocketFrame)) {
      return;
    }
    byte[] message = framing.unwrap(ByteBufUtil.getBytes(frame.content())).orElse(null);
    if (message == null || message.length < 2 || message[0] != SYNC) {
      return; // awareness and the servers' own messages
    }
    switch (message[1]) {
      case STEP1 -> {
        write(EMPTY_STEP2);
        ctx.flush();
      }
      case STEP2 -> synced.complete(null);
      case UPDATE -> recordMarkers(message, System.nanoTime());
      default -> errors.incrementAndGet();
    }
  }

  /** Finds {@code <sender:nanos>} in the raw update: string content is UTF-8 on the wire. */
  private void recordMarkers(byte[] update, long now) {
    int i = 2;
    while (i < update.length) {
      if (update[i++] != '<') {
        continue;
      }
      long sender = 0;
      long sent = 0;
      boolean colon = false;
      int digits = 0;
      for (; i < update.length; i++) {
        byte b = update[i];
        if (b >= '0' && b <= '9') {
          if (colon) {
            sent = sent * 10 + (b - '0');
          } else {
            sender = sender * 10 + (b - '0');
          }
          digits++;
        } else if (b == ':' && !colon && digits > 0) {
          colon = true;
        } else {
          if (b == '>' && colon && sender != id) {
            deliveries.record((int) sender, id, Math.max(0, now - sent));
          }
          break;
        }
      }
    }
  }

  /** Which server instance the socket reached, as the load balancer named it ("" if it did not). */
  void landedOn(String name) {
    instance = name;
  }

  String instance() {
    return instance;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (typing != null) {
      typing.cancel(false);
    }
    if (!closing) {
      errors.incrementAndGet(); // the server dropped us
    }
    synced.completeExceptionally(new IllegalStateException("closed before it synced"));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    errors.incrementAndGet();
    synced.completeExceptionally(cause);
    ctx.close();
  }

  void close() {
    closing = true;
    if (channel != null) {
      channel.close();
    }
  }
}
