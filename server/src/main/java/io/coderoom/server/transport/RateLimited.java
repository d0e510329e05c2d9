package io.coderoom.server.transport;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * A request over a rate limit, found once the endpoint knew who sent it (a per-account limit). An
 * endpoint may throw it from anywhere, on or off the event loop: the transport answers {@code 429}
 * with {@code Retry-After}, as it does for the limits it checks before routing.
 */
public final class RateLimited extends RuntimeException {
  private final Duration wait;

  public RateLimited(Duration wait, String message) {
    super(message, null, false, false);
    this.wait = wait;
  }

  /** How long until the request would be admitted. */
  public Duration retryAfter() {
    return wait;
  }

  FullHttpResponse toResponse() {
    FullHttpResponse response =
        HttpResponses.error(HttpResponseStatus.TOO_MANY_REQUESTS, "rate_limited", getMessage());
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
    return response;
  }
}
