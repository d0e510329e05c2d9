package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRequestHandlerTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Router router =
      new Router()
          .get(
              "/hello", request -> done(HttpResponses.json(HttpResponseStatus.OK, Map.of("hi", 1))))
          .get(
              "/throws",
              request -> {
                throw new IllegalStateException("boom");
              })
          .get("/fails", request -> CompletableFuture.failedFuture(new IllegalStateException("x")))
          .get(
              "/limited",
              request -> {
                throw new RateLimited(Duration.ofMillis(2500), "Slow down.");
              })
          .get(
              "/limited-later",
              request ->
                  CompletableFuture.failedFuture(
                      new CompletionException(
                          new RateLimited(Duration.ofMillis(2500), "Slow down."))));
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new HttpRequestHandler(
              router, OpenTelemetry.noop(), meters, RequestLimits.none(), TrustedProxies.none()));

  @AfterEach
  void finish() {
    assertFalse(channel.finish(), "nothing left unread");
  }

  @Test
  void routesAndAddsSecurityHeadersAndRecordsATimer() {
    FullHttpResponse response = exchange(HttpMethod.GET, "/hello");
    try {
      assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
      assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"hi\":1}");
      assertThat(response.headers().get("Content-Security-Policy")).contains("default-src 'self'");
      assertThat(
              meters
                  .get("http.server.requests")
                  .tags("route", "/hello", "status", "200", "method", "GET")
                  .timer()
                  .count())
          .isEqualTo(1);
    } finally {
      response.release();
    }
  }

  @Test
  void aRateLimitFoundByTheEndpointIs429WithRetryAfter() {
    for (String path : new String[] {"/limited", "/limited-later"}) {
      FullHttpResponse response = exchange(HttpMethod.GET, path);
      try {
        assertThat(response.status()).as(path).isEqualTo(HttpResponseStatus.TOO_MANY_REQUESTS);
        assertThat(response.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("3");
        assertThat(response.content().toString(StandardCharsets.UTF_8))
            .contains("\"rate_limited\"", "Slow down.");
      } finally {
        response.release();
      }
    }
  }

  @Test
  void headKeepsContentLengthButSendsNoBody() {
    FullHttpResponse response = exchange(HttpMethod.HEAD, "/hello");
    try {
      assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
      assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(8);
      assertThat(response.content().readableBytes()).isZero();
    } finally {
      response.release();
    }
  }

  @Test
  void wrongMethodIs405NamingTheAllowedOnes() {
    FullHttpResponse response = exchange(HttpMethod.DELETE, "/hello");
    try {
      assertThat(response.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
      assertThat(response.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET");
    } finally {
      response.release();
    }
  }

  @Test
  void unknownPathIs404Json() {
    FullHttpResponse response = exchange(HttpMethod.POST, "/nope");
    try {
      assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
      assertThat(response.content().toString(StandardCharsets.UTF_8)).contains("\"not_found\"");
    } finally {
      response.release();
    }
  }

  @Test
  void endpointThatThrowsOrFailsGets500AndTheChannelStaysOpen() {
    for (String path : new String[] {"/throws", "/fails"}) {
      FullHttpResponse response = exchange(HttpMethod.GET, path);
      try {
        assertThat(response.status()).as(path).isEqualTo(HttpResponseStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).contains("internal_error");
        assertThat(channel.isOpen()).isTrue();
      } finally {
        response.release();
      }
    }
  }

  @Test
  void undecodableRequestGets400AndIsClosed() {
    FullHttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/hello");
    request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad header")));
    channel.writeInbound(request);
    FullHttpResponse response = channel.readOutbound();
    try {
      assertThat(response.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
      assertThat(channel.isOpen()).isFalse();
    } finally {
      response.release();
    }
  }

  private FullHttpResponse exchange(HttpMethod method, String uri) {
    channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
    FullHttpResponse response = channel.readOutbound();
    assertThat(response).as("a response to " + method + " " + uri).isNotNull();
    return response;
  }

  private static CompletableFuture<FullHttpResponse> done(FullHttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
