package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits of an HTTP connection: a request body over 1 MiB is refused with 413 in the API's
 * error shape, and a connection quiet for the idle timeout is closed while one in use stays open.
 * The server's idle timeout is 2 s here instead of 120, so the test takes seconds.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HttpLimitsIT {
  private static final Duration IDLE = Duration.ofSeconds(2);
  private static final int MIB = 1 << 20;
  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  private static CoderoomServer server;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    ServerConfig config = TestServers.config().with(c -> c.httpIdleTimeout = IDLE);
    server = TestServers.start(config, InMemorySpanExporter.create());
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedWith413InTheErrorShape() throws Exception {
    HttpResponse<String> refused =
        http.post(
            "/api/rooms", bodyOfSize(MIB + 1), "Authorization", "Bearer " + TestServers.API_KEY);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue(HttpResponses.JSON);
    assertThat(refused.headers().firstValue("Content-Security-Policy"))
        .hasValue(HttpResponses.CONTENT_SECURITY_POLICY);
    JsonNode error = Http.json(refused);
    assertThat(error.path("error").asText()).isEqualTo("body_too_large");
    assertThat(error.path("message").asText())
        .isEqualTo("Request bodies are limited to 1 MiB; send less.");

    // Exactly 1 MiB reaches the API, which answers for itself.
    HttpResponse<String> taken =
        http.post("/api/rooms", bodyOfSize(MIB), "Authorization", "Bearer " + TestServers.API_KEY);
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(400);
    assertThat(Http.json(taken).path("error").asText()).isEqualTo("invalid_field");
    assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void aConnectionQuietForTheIdleTimeoutIsClosedAndOneInUseIsNot() throws Exception {
    try (Socket quiet = connect()) {
      long opened = System.nanoTime();
      assertThat(quiet.getInputStream().read()).as("closed by the server").isEqualTo(-1);
      assertThat(System.nanoTime() - opened)
          .as("not before the idle timeout")
          .isGreaterThanOrEqualTo(IDLE.minusMillis(300).toNanos());
    }

    try (Socket busy = connect()) {
      long opened = System.nanoTime();
      long lastAnswer = opened;
      // A request every half timeout, for twice the timeout: all on the one connection.
      while (System.nanoTime() - opened < IDLE.multipliedBy(2).toNanos()) {
        assertThat(get(busy, "/healthz")).contains("{\"status\":\"ok\"}");
        lastAnswer = System.nanoTime();
        Thread.sleep(IDLE.toMillis() / 2); // the pace of the requests, not a wait for a result
      }
      assertThat(busy.getInputStream().read()).as("closed once quiet").isEqualTo(-1);
      assertThat(System.nanoTime() - lastAnswer)
          .isGreaterThanOrEqualTo(IDLE.minusMillis(300).toNanos());
    }
  }

  /** A room request of exactly {@code size} bytes, its title padded. */
  private static String bodyOfSize(int size) {
    String frame = "{\"title\":\"\",\"language\":\"python\"}";
    String body =
        "{\"title\":\"" + "t".repeat(size - frame.length()) + "\",\"language\":\"python\"}";
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
    return body;
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort());
    socket.setSoTimeout((int) IDLE.multipliedBy(8).toMillis());
    return socket;
  }

  /** One keep-alive GET on the connection; the response's head and body. */
  private static String get(Socket socket, String path) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new SocketException("closed before the response ended: " + head);
      }
      head.write(b);
    }
    String headText = head.toString(StandardCharsets.US_ASCII);
    assertThat(headText).startsWith("HTTP/1.1 200");
    Matcher length = CONTENT_LENGTH.matcher(headText);
    assertThat(length.find()).as(headText).isTrue();
    byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
    return headText + new String(body, StandardCharsets.UTF_8);
  }
}
