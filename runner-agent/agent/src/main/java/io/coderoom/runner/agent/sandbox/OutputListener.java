package io.coderoom.runner.agent.sandbox;

import io.coderoom.runner.protocol.RunEvent;

/** Receives output as the program writes it (already capped and UTF-8 decoded). */
@FunctionalInterface
public interface OutputListener {
  OutputListener NONE = (stream, text) -> {};

  void output(RunEvent.OutputStream stream, String text);
}
