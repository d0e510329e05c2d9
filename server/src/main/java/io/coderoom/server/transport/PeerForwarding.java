package io.coderoom.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a request about something another instance holds (see {@link HeldElsewhere}) to that
 * instance and hands its response back. The forwarded request is marked, and an instance never
 * forwards a marked one again: if the room moved meanwhile, the caller is told to try again rather
 * than sent around the cluster. The client's address goes with it ({@link ForwardedFor#toPeer}).
 */
final class PeerForwarding {
  /** Marks a request one instance forwarded to another. */
  static final String FORWARDED = "X-Coderoom-Forwarded";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Hop-by-hop headers, and those the JDK client sets itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "upgrade",
          "keep-alive",
          "expect",
          "te",
          "trailer",
          "proxy-connection",
          FORWARDED.toLowerCase(),
          ForwardedFor.HEADER.toLowerCase());

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  static boolean isForwarded(Request request) {
    return request.headers().contains(FORWARDED);
  }

  CompletableFuture<FullHttpResponse> forward(String address, Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://" + address + request.pathAndQuery()))
            .timeout(TIMEOUT)
            .method(request.method().name(), HttpRequest.BodyPublishers.ofByteArray(request.body()))
            .header(FORWARDED, "1");
    for (Map.Entry<String, String> header : request.headers()) {
      if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    ForwardedFor.toPeer(request).ifPresent(client -> builder.header(ForwardedFor.HEADER, client));
    return client
        .sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(PeerForwarding::toNetty)
        .exceptionally(error -> moving());
  }

  private static FullHttpResponse toNetty(HttpResponse<byte[]> answer) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.statusCode()),
            Unpooled.wrappedBuffer(answer.body()));
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                response.headers().add(name, values);
              }
            });
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
    return response;
  }

  /** The holder could not be reached (stopping, or the room is moving): try again shortly. */
  static FullHttpResponse moving() {
    FullHttpResponse response =
        HttpResponses.error(
            HttpResponseStatus.SERVICE_UNAVAILABLE,
            "moving",
            "The room is moving between servers; try again in a moment.");
    response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
    return response;
  }
}
