package io.coderoom.server.sync;

import io.coderoom.server.auth.TokenException.Reason;
import io.coderoom.server.transport.CloseCode;
import io.coderoom.server.transport.WebSocketEndpoint;

/**
 * Why the room closes or refuses a socket: a close code (4000 + the HTTP status it stands for) and
 * a reason that starts with a stable code and ends with a sentence for the user (see
 * CONTROL-PROTOCOL.md).
 */
record CloseReason(CloseCode code, String reason) {
  static final CloseReason REVOKED = of(Reason.REVOKED);
  static final CloseReason EXPIRED = of(Reason.EXPIRED);
  static final CloseReason ROOM_ENDED = of(Reason.ROOM_ENDED);

  /** The owner of the room (another instance) did not take the socket: it is stopping. */
  static final CloseReason MOVING =
      new CloseReason(
          CloseCode.TRY_AGAIN_LATER,
          "moving: The room is moving between servers; reconnecting joins it.");

  /** Another instance took the room over while this one had lost PostgreSQL. */
  static final CloseReason MOVED =
      new CloseReason(
          CloseCode.SERVICE_RESTART,
          "moved: The room moved to another server; reconnecting joins it.");

  static final CloseReason KICKED =
      new CloseReason(CloseCode.FORBIDDEN, "kicked: The interviewer removed you from the room.");

  /** The refusal a socket's admission would give for this token problem. */
  static CloseReason of(Reason reason) {
    return new CloseReason(
        CloseCode.forHttpStatus(reason.httpStatus()), reason.code() + ": " + reason.message());
  }

  /** The same refusal, given before the socket opens. */
  WebSocketEndpoint.Refuse refusal() {
    return new WebSocketEndpoint.Refuse(code, reason);
  }

  void close(RoomSocket socket) {
    socket.close(code, reason);
  }
}
