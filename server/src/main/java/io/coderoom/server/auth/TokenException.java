package io.coderoom.server.auth;

/** A room token that does not grant access, with the reason a client can show. */
public final class TokenException extends Exception {
  /** Why a token was refused; the code goes on the wire. */
  public enum Reason {
    MISSING(
        401,
        "unauthorized",
        "Send the API key or a room token as 'Authorization: Bearer <credential>'."),
    MALFORMED(401, "token_invalid", "The link is not valid; ask the interviewer for a new one."),
    BAD_SIGNATURE(
        401, "token_invalid", "The link is not valid; ask the interviewer for a new one."),
    EXPIRED(401, "token_expired", "The link has expired; ask the interviewer for a new one."),
    REVOKED(401, "token_revoked", "The link was revoked; ask the interviewer for a new one."),
    PASSWORD_REQUIRED(
        401,
        "password_required",
        "This room asks for a password: enter the one the interviewer gave you."),
    WRONG_ROOM(403, "token_wrong_room", "The link belongs to another room."),
    ROOM_ENDED(410, "room_ended", "The interview has ended; the room is closed."),
    ROOM_NOT_FOUND(404, "room_not_found", "There is no such room.");

    private final int httpStatus;
    private final String code;
    private final String message;

    Reason(int httpStatus, String code, String message) {
      this.httpStatus = httpStatus;
      this.code = code;
      this.message = message;
    }

    /** The HTTP status of the refusal; sockets close with 4000 plus it. */
    public int httpStatus() {
      return httpStatus;
    }

    public String code() {
      return code;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;

  public TokenException(Reason reason) {
    super(reason.code());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
