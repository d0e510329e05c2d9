package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Commands of the connection itself, answered by the room without any feature. */
public sealed interface SessionCommand extends ControlCommand {
  @Override
  default Permission permission() {
    return Permission.ATTEND;
  }

  /** Keeps the socket alive; answered with {@code pong} and the server's time. */
  @JsonTypeName("ping")
  record Ping() implements SessionCommand {}
}
