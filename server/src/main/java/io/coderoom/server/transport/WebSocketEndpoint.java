package io.coderoom.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a WebSocket upgrade request may open a socket. Called on the event loop; the
 * stage may complete on any thread (admission usually asks the database).
 */
@FunctionalInterface
public interface WebSocketEndpoint {
  /** Largest message (after reassembly) a socket accepts; larger ones close it with 1009. */
  int MAX_MESSAGE_BYTES = 1 << 20;

  /**
   * @param loop the event loop of the connection that asked: work the admission starts for the
   *     socket (a relay to another instance) runs there, on the socket's own thread
   */
  CompletionStage<Admission> admit(Request request, EventLoop loop);

  /** The outcome of an upgrade request. */
  sealed interface Admission permits Accept, Refuse {}

  /**
   * Open the socket; the handler then owns its frames (text and binary messages, reassembled).
   *
   * @param handler added at the end of the socket's pipeline once the handshake is done
   */
  record Accept(ChannelHandler handler) implements Admission {}

  /**
   * Complete the handshake, then close at once with this code and reason: browsers show a WebSocket
   * close reason to the page, but not the body of a refused HTTP upgrade.
   *
   * @param code the close code: 4000 + the HTTP status it stands for
   * @param reason a sentence for the user
   */
  record Refuse(CloseCode code, String reason) implements Admission {}
}
