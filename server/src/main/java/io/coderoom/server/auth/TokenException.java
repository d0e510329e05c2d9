package io.coderoom.server.auth;

/** A room token that does not grant access, with the reason a client can show. */
public final class TokenException extends Exception {
  /** Why a token was refused; the code goes on the wire. */
  public enum Reason {
    MISSING(
        "unauthorized",
        "Send the API key or a room token as 'Authorization: Bearer <credential>'."),
    MALFORMED("token_invalid", "The link is not valid; ask the interviewer for a new one."),
    BAD_SIGNATURE("token_invalid", "The link is not valid; ask the interviewer for a new one."),
    EXPIRED("token_expired", "The link has expired; ask the interviewer for a new one."),
    REVOKED("token_revoked", "The link was revoked; ask the interviewer for a new one."),
    WRONG_ROOM("token_wrong_room", "The link belongs to another room."),
    ROOM_ENDED("room_ended", "The interview has ended; the room is closed."),
    ROOM_NOT_FOUND("room_not_found", "There is no such room.");

    private final String code;
    private final String message;

    Reason(String code, String message) {
      this.code = code;
      this.message = message;
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
