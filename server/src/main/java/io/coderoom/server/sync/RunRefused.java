package io.coderoom.server.sync;

import io.coderoom.server.Futures;

/** A run the room refused to start, with the error code for the control socket or the API. */
public final class RunRefused extends RuntimeException {
  private final String code;

  RunRefused(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /**
   * {@code forbidden}, {@code run_in_progress}, {@code rate_limited}, {@code stdin_too_large},
   * {@code code_too_large} or {@code no_problem}.
   */
  public String code() {
    return code;
  }

  /** The refusal inside a failed future, or a generic one for any other failure. */
  public static RunRefused of(Throwable error) {
    return Futures.cause(error) instanceof RunRefused refused
        ? refused
        : new RunRefused("run_failed", "The run could not start; try again.");
  }
}
