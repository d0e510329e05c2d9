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

  /**
   * {@code forbidden}, {@code run_in_progress}, {@code rate_limited}, {@code stdin_too_large},
   * {@code code_too_large} or {@code no_problem}.
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
