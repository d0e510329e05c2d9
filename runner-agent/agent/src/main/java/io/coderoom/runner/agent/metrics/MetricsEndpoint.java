package io.coderoom.runner.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coderoom.observability.BearerCredential;
import io.coderoom.observability.MetricsToken;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} in Prometheus text, on the JDK's HTTP server: the agent serves nothing else
 * but {@code GET /healthz}, so a framework would be all weight. With a token configured a scrape
 * without it gets 401; {@code /healthz} stays open, like the server's, because container
 * healthchecks and load balancers probe it without credentials and it tells nothing but "alive".
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final String METRICS = "/metrics";
  private static final String HEALTH = "/healthz";

  private final HttpServer server;
  private final ExecutorService handlers;

  private MetricsEndpoint(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Binds and serves; the caller checked that the endpoint is enabled. */
  public static MetricsEndpoint start(MetricsEndpointConfig config, AgentMetrics metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 16);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot serve metrics on "
              + config.host()
              + ":"
              + config.port()
              + " (CODEROOM_AGENT_METRICS_PORT, -1 turns it off): "
              + e.getMessage(),
          e);
    }
    ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(handlers);
    server.createContext("/", exchange -> handle(exchange, config.token(), metrics));
    server.start();
    MetricsEndpoint endpoint = new MetricsEndpoint(server, handlers);
    log.info(
        "metrics on http://{}:{}/metrics (token {}), liveness on /healthz",
        config.host(),
        endpoint.port(),
        config.token());
    return endpoint;
  }

  /** The bound port (the one picked when configured with 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange, MetricsToken token, AgentMetrics metrics)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals(METRICS) && !path.equals(HEALTH)) {
        respond(exchange, 404, "not found\n");
      } else if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "method not allowed\n");
      } else if (path.equals(HEALTH)) {
        // Answered by the process while it runs: a wedged JVM or a dead agent does not answer.
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        respond(exchange, 200, "ok\n");
      } else if (!token.admits(
          BearerCredential.of(exchange.getRequestHeaders().getFirst("Authorization")))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        respond(exchange, 401, "CODEROOM_METRICS_TOKEN is required as a Bearer token\n");
      } else {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        respond(exchange, 200, metrics.scrape());
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.close();
  }
}
