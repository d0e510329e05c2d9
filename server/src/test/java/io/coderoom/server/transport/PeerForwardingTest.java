package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request forwarded to the instance holding its room names the client this instance decided on,
 * and only that: a chain the client forged does not travel to the holder.
 */
class PeerForwardingTest {
  @Test
  void theHolderIsToldTheClientThisInstanceDecidedOn() throws Exception {
    CompletableFuture<Headers> received = new CompletableFuture<>();
    HttpServer holder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    holder.createContext(
        "/",
        exchange -> {
          received.complete(exchange.getRequestHeaders());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    holder.start();
    try {
      Request request =
          new Request(
              HttpMethod.POST,
              "/api/rooms/r1/runs",
              Map.of(),
              new DefaultHttpHeaders()
                  .add(ForwardedFor.HEADER, "192.0.2.66")
                  .add("Authorization", "Bearer t"),
              new byte[0],
              Map.of(),
              "/api/rooms/{id}/runs",
              Optional.of(InetAddress.getByName("203.0.113.5")));
      FullHttpResponse response =
          new PeerForwarding()
              .forward("127.0.0.1:" + holder.getAddress().getPort(), request)
              .get(10, TimeUnit.SECONDS);
      try {
        assertThat(response.status().code()).isEqualTo(204);
      } finally {
        response.release();
      }
      Headers headers = received.get(10, TimeUnit.SECONDS);
      assertThat(headers.get(ForwardedFor.HEADER)).containsExactly("203.0.113.5");
      assertThat(headers.getFirst(PeerForwarding.FORWARDED)).isEqualTo("1");
      assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer t");
    } finally {
      holder.stop(0);
    }
  }
}
