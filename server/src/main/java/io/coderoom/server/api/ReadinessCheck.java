package io.coderoom.server.api;

import java.util.concurrent.CompletionStage;

/** One dependency the server needs to serve: it is ready when every check completes normally. */
public interface ReadinessCheck {
  /** Short name shown in {@code /readyz}, such as {@code postgres}. */
  String name();

  /** Completes normally when the dependency answered; exceptionally with the reason otherwise. */
  CompletionStage<?> check();
}
