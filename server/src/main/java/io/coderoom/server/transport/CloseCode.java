package io.coderoom.server.transport;

import java.util.Arrays;

/**
 * Every close code the server's sockets use, in one place (see server/CONTROL-PROTOCOL.md). The
 * 4xxx codes are 4000 + the HTTP status they stand for; the web client's copy is generated from
 * this enum, so the two cannot drift apart.
 */
public enum CloseCode {
  /** The page is done with the socket. */
  NORMAL(1000, false),
  /** The peer said nothing, not even a pong, for two ping intervals. */
  GOING_AWAY(1001, false),
  /** A malformed WebSocket frame. */
  PROTOCOL_ERROR(1002, false),
  /** A frame of a kind the socket does not speak (binary on the control socket). */
  UNSUPPORTED_DATA(1003, false),
  /** Malformed messages (or refused awareness updates), three of them. */
  INVALID_PAYLOAD(1007, false),
  /** Too many sync requests, or a document update the server will not merge. */
  POLICY_VIOLATION(1008, false),
  /** A message over 1 MiB. */
  MESSAGE_TOO_BIG(1009, false),
  /** The server failed while serving the socket. */
  INTERNAL_ERROR(1011, false),
  /** The server is stopping: reconnect, to another instance behind the load balancer if any. */
  SERVICE_RESTART(1012, false),
  /** The socket could not keep up, sent too many messages, or the room was reloading. */
  TRY_AGAIN_LATER(1013, false),
  /** No usable token: a new link is needed. */
  UNAUTHORIZED(4401, true),
  /** The token does not allow this, or its holder was removed. */
  FORBIDDEN(4403, true),
  /** Wrong room or path. */
  NOT_FOUND(4404, true),
  /** The interview has ended. */
  GONE(4410, true),
  /** No place for the socket (quotas). */
  TOO_MANY(4429, false),
  /** The server failed to admit the socket. */
  SERVER_FAILED(4500, false);

  private final int code;
  private final boolean fatal;

  CloseCode(int code, boolean fatal) {
    this.code = code;
    this.fatal = fatal;
  }

  /** The number on the wire. */
  public int code() {
    return code;
  }

  /** Whether reconnecting cannot help: the client stops and says why. */
  public boolean fatal() {
    return fatal;
  }

  /** The code that stands for an HTTP status (4000 + status). */
  public static CloseCode forHttpStatus(int status) {
    return Arrays.stream(values())
        .filter(c -> c.code == 4000 + status)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no close code for HTTP " + status));
  }
}
