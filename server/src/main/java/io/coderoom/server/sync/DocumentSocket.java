package io.coderoom.server.sync;

import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.server.auth.Role;
import io.coderoom.server.room.Principal;
import io.coderoom.server.transport.CloseCode;
import io.coderoom.server.transport.PreFramed;
import io.coderoom.server.transport.WebSocketClosing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document socket: takes its binary messages to the room's event loop and writes what the room
 * sends. A socket that cannot keep up (its channel stays unwritable) is closed with 1013 so it
 * reconnects and resyncs, instead of buffering without bound.
 */
final class DocumentSocket extends SimpleChannelInboundHandler<WebSocketFrame>
    implements RoomSocket {
  private static final Logger log = LoggerFactory.getLogger(DocumentSocket.class);

  /** Malformed messages a socket may send before it is closed. */
  private static final int MAX_MALFORMED = 3;

  /**
   * Messages a socket may send in a burst, and per second after it. A keystroke is one update and a
   * cursor move one awareness message; a socket past this is closed with 1013, so its client
   * reconnects and resyncs without losing anything.
   */
  static final int BURST_MESSAGES = 400;

  static final int MESSAGES_PER_SECOND = 200;

  /**
   * Sync step 1 messages (requests for the document) a socket may send in a burst, and how many
   * seconds each further one waits for. A client sends one when it connects; each is answered with
   * an encoding of the document, so a socket past this is closed (1008).
   */
  static final int STATE_REQUESTS_BURST = 8;

  static final int SECONDS_PER_STATE_REQUEST = 10;

  private final LiveRoom room;
  private final SharedDocument document;
  private final Principal principal;
  private final Optional<String> requestedName;
  private Channel channel;
  private Optional<Participant> participant = Optional.empty();
  private int malformed;
  private boolean deniedAudited;
  private double allowance = BURST_MESSAGES;
  private long lastMessageNanos = System.nanoTime();
  private double stateRequests = STATE_REQUESTS_BURST;
  private long lastStateRequestNanos = System.nanoTime();

  DocumentSocket(
      LiveRoom room, SharedDocument document, Principal principal, Optional<String> requestedName) {
    this.room = room;
    this.document = document;
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

  SharedDocument document() {
    return document;
  }

  /** Whose socket this is, once it joined the room (set and read on the room's loop). */
  Optional<Participant> participant() {
    return participant;
  }

  void joined(Participant participant) {
    this.participant = Optional.of(participant);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    // A peer gone before the handshake finished never reports its channel inactive here.
    if (channel.isActive()) {
      room.execute(() -> room.join(document, this));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    room.execute(() -> room.leave(this));
    ctx.fireChannelInactive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (!(frame instanceof BinaryWebSocketFrame)) {
      close(CloseCode.UNSUPPORTED_DATA, "This socket speaks binary y-websocket messages.");
      return;
    }
    if (!withinRate()) {
      room.metrics().rateLimited();
      close(CloseCode.TRY_AGAIN_LATER, "Too many messages; reconnecting resyncs.");
      return;
    }
    byte[] message = ByteBufUtil.getBytes(frame.content());
    if (isStateRequest(message) && !mayRequestState()) {
      return;
    }
    room.metrics().received(message.length);
    room.execute(() -> document.receive(this, message));
  }

  /** A token bucket on the channel's own loop: refills at the rate, holds up to the burst. */
  private boolean withinRate() {
    long now = System.nanoTime();
    allowance =
        Math.min(BURST_MESSAGES, allowance + (now - lastMessageNanos) * MESSAGES_PER_SECOND / 1e9);
    lastMessageNanos = now;
    if (allowance < 1) {
      return false;
    }
    allowance -= 1;
    return true;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("{} socket error: {}", room.id(), cause.toString());
    } else {
      log.warn("{} closing a document socket after error", room.id(), cause);
    }
    ctx.close();
  }

  /** Whether a message is sync step 1: message type 0 (sync), then sub-type 0 (step 1). */
  private static boolean isStateRequest(byte[] message) {
    return message.length >= 2 && message[0] == 0 && message[1] == 0;
  }

  /**
   * Counts a request for the document (sync step 1), on the channel's loop before the room sees it;
   * false, and the socket closing, past its allowance.
   */
  private boolean mayRequestState() {
    long now = System.nanoTime();
    stateRequests =
        Math.min(
            STATE_REQUESTS_BURST,
            stateRequests + (now - lastStateRequestNanos) / 1e9 / SECONDS_PER_STATE_REQUEST);
    lastStateRequestNanos = now;
    if (stateRequests < 1) {
      room.metrics().rateLimited();
      close(
          CloseCode.POLICY_VIOLATION,
          "Too many sync requests: a client asks for the document once per connection.");
      return false;
    }
    stateRequests -= 1;
    return true;
  }

  /** Whether this socket may change the document now (roles and the editing lock). */
  boolean mayEdit(DocumentName name) {
    Role role = principal.role();
    return name == DocumentName.NOTES
        ? role.readsNotes()
        : role.editsCode() && !(role == Role.CANDIDATE && room.candidateLocked());
  }

  /** Sends a message of this socket's own (from the room's loop). */
  void send(byte[] message) {
    ByteBuf frame = PreFramed.binary(message);
    sendShared(frame);
    frame.release();
  }

  /**
   * Sends a retained duplicate of a broadcast's {@link PreFramed} frame; the caller keeps its own
   * reference.
   */
  void sendShared(ByteBuf frame) {
    if (!channel.isActive()) {
      return;
    }
    if (!channel.isWritable()) {
      room.metrics().slowConsumerClosed();
      close(CloseCode.TRY_AGAIN_LATER, "Too slow to keep up; reconnecting resyncs.");
      return;
    }
    channel.writeAndFlush(frame.retainedDuplicate(), channel.voidPromise());
  }

  /** Drops a write this socket may not make, says why, and audits the first attempt. */
  void denyWrite() {
    room.metrics().writeDenied();
    String reason =
        principal.role() == Role.CANDIDATE
            ? "Editing is locked by the interviewer."
            : "Observers cannot edit.";
    send(SyncProtocol.permissionDenied(reason));
    if (!deniedAudited) {
      deniedAudited = true;
      room.audit(principal, "write_denied", Map.of("doc", document.name().wireName()));
    }
  }

  /** Answers a malformed message; a socket that keeps sending them is closed. */
  void refuseMalformed(String reason) {
    log.debug("{} malformed message from {}: {}", room.id(), principal.actor(), reason);
    if (++malformed >= MAX_MALFORMED) {
      close(CloseCode.INVALID_PAYLOAD, reason);
    } else {
      send(SyncProtocol.permissionDenied(reason));
    }
  }

  @Override
  public void close(CloseCode code, String reason) {
    WebSocketClosing.start(channel, code, reason);
  }
}
