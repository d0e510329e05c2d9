package io.coderoom.server.sync;

import io.coderoom.server.Futures;
import java.util.OptionalLong;

/** A run the room refused to start, with the error code for the control socket or the API. */
public final class RunRefused extends RuntimeException {
  private final String code;
  private final OptionalLong retryAfterMs;

  RunRefused(String code, String message) {
    this(code, message, OptionalLong.empty());
  }

  private RunRefused(String code, String message, OptionalLong retryAfterMs) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }

  /** Too many runs: {@code rate_limited}, with how long until a run would be taken. */
  static RunRefused rateLimited(long retryAfterMs) {
    return new RunRefused(
        "rate_limited", "Too many runs this minute; wait a little.", OptionalLong.of(retryAfterMs));
  }

  /** The sender's edits did not reach the room's code in time: running now would run other code. */
  static RunRefused codeNotSynced() {
    return new RunRefused(
        "code_not_synced",
        "Your latest edits have not reached the server, so this run would not be of the code you"
            + " see. Check your connection and run again; reloading the page shows the code the"
            + " server has.");
  }

  /**
   * {@code forbidden}, {@code run_in_progress}, {@code rate_limited}, {@code stdin_too_large},
   * {@code code_too_large}, {@code no_problem}, {@code code_not_synced} or {@code bad_command}.
   */
  public String code() {
    return code;
  }

  /** For {@code rate_limited}: the milliseconds until a run would be taken. */
  public OptionalLong retryAfterMs() {
    return retryAfterMs;
  }

  /** The refusal inside a failed future, or a generic one for any other failure. */
  public static RunRefused of(Throwable error) {
    return Futures.cause(error) instanceof RunRefused refused
        ? refused
        : new RunRefused("run_failed", "The run could not start; try again.");
  }
}
