package io.coderoom.server.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How long connections may stay quiet.
 *
 * @param httpIdle an HTTP connection with no traffic either way for this long is closed, so
 *     abandoned keep-alive sockets do not pile up
 * @param webSocketPing a WebSocket whose peer was silent this long is pinged; silent for as long
 *     again (no pong either), it is closed as gone
 */
public record ConnectionTimeouts(Duration httpIdle, Duration webSocketPing) {
  public ConnectionTimeouts {
    Objects.requireNonNull(httpIdle, "httpIdle");
    Objects.requireNonNull(webSocketPing, "webSocketPing");
  }
}
