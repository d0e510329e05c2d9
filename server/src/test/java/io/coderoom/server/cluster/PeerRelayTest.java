package io.coderoom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.coderoom.server.transport.ForwardedFor;
import io.coderoom.server.transport.Request;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A socket relayed to its room's owner names the client this instance decided on, and only that: a
 * chain the client forged does not reach the owner, whose limits then see the client's address (if
 * it trusts this instance) rather than this instance's.
 */
class PeerRelayTest {
  @Test
  void theOwnerIsToldTheClientThisInstanceDecidedOn() throws Exception {
    CompletableFuture<Headers> received = new CompletableFuture<>();
    // The owner's side only records the upgrade and refuses it: what it was sent is the point.
    HttpServer owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    owner.createContext(
        "/",
        exchange -> {
          received.complete(exchange.getRequestHeaders());
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    owner.start();
    EventLoopGroup loops = io.coderoom.server.transport.HttpServer.newWorkerGroup(1);
    try {
      Request request =
          new Request(
              HttpMethod.GET,
              "/ws/rooms/r1/code",
              Map.of("token", List.of("t")),
              new DefaultHttpHeaders()
                  .add(ForwardedFor.HEADER, "192.0.2.66")
                  .add("Origin", "https://coderoom.example.org"),
              new byte[0],
              Map.of(),
              "",
              Optional.of(InetAddress.getByName("2001:db8::5")));
      new PeerRelay().relay("127.0.0.1:" + owner.getAddress().getPort(), request, loops.next());
      Headers headers = received.get(10, TimeUnit.SECONDS);
      assertThat(headers.get(ForwardedFor.HEADER)).containsExactly("2001:db8::5");
      assertThat(headers.getFirst("Origin")).isEqualTo("https://coderoom.example.org");
    } finally {
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
      owner.stop(0);
    }
  }
}
