package io.coderoom.server;

import java.util.concurrent.CompletionException;

/** Helpers for the failures that asynchronous stages report. */
public final class Futures {
  private Futures() {}

  /** The failure itself: a stage wraps what a callback threw in a {@link CompletionException}. */
  public static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
