package io.coderoom.server.netns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy on a host of its own in front of server instances, configured as a deployment would have
 * it: round robin with no stickiness, WebSockets passed through (a long tunnel timeout), {@code
 * /healthz} checked every second, a connection that an instance refuses retried on another, and the
 * client named in {@code X-Forwarded-For}. It logs one line per request as soon as it is sent to an
 * instance ({@code logasap}): the instance and the path, never the query (links carry tokens
 * there).
 */
public final class LoadBalancer implements AutoCloseable {
  private static final int PORT = 80;
  private static final Duration START_WAIT = Duration.ofSeconds(20);

  private final Host host;
  private final Path log;
  private final Process process;

  private LoadBalancer(Host host, Path log, Process process) {
    this.host = host;
    this.log = log;
    this.process = process;
  }

  /** Starts HAProxy on {@code host} in front of {@code servers} (name to address:port). */
  public static LoadBalancer start(Host host, Map<String, String> servers, Path folder)
      throws Exception {
    List<String> config =
        new ArrayList<>(
            List.of(
                "global",
                "  log stdout format raw local0",
                "defaults",
                "  mode http",
                "  log global",
                "  option logasap",
                // Connections that never sent a request (the start's probe) are not requests.
                "  option dontlognull",
                "  log-format \"%b/%s %HM %HP\"",
                "  timeout connect 1s",
                "  timeout client 60s",
                "  timeout server 60s",
                // A WebSocket, once upgraded, is a tunnel: it stays as long as it is used.
                "  timeout tunnel 1h",
                "  retries 3",
                "  option redispatch 1",
                "frontend coderoom",
                "  bind " + host.address() + ":" + PORT,
                // The client's address for the servers' per-address limits (they trust the
                // network).
                "  option forwardfor",
                "  default_backend servers",
                "backend servers",
                "  balance roundrobin",
                "  option httpchk GET /healthz",
                // A loaded test machine may answer a check slowly: only refusals count quickly.
                "  timeout check 3s",
                "  default-server check inter 1s fall 2 rise 2"));
    servers.forEach((name, address) -> config.add("  server " + name + " " + address));
    Path file = folder.resolve("haproxy.cfg");
    Files.write(file, config);
    Path log = folder.resolve("haproxy.log");
    Process process =
        new ProcessBuilder(host.command("haproxy", "-db", "-f", file.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LoadBalancer balancer = new LoadBalancer(host, log, process);
    balancer.awaitListening();
    return balancer;
  }

  public URI uri() {
    return URI.create("http://" + host.address() + ":" + PORT);
  }

  /** How many requests each instance was sent whose path starts with {@code pathPrefix}. */
  public Map<String, Integer> requestsByServer(String pathPrefix) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : Files.readAllLines(log)) {
      String[] words = line.trim().split(" ");
      if (words.length == 3 && words[2].startsWith(pathPrefix)) {
        counts.merge(words[0].substring(words[0].indexOf('/') + 1), 1, Integer::sum);
      }
    }
    return counts;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  private void awaitListening() throws Exception {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("haproxy exited:\n" + log());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(host.address(), PORT), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("haproxy did not listen within " + START_WAIT + ":\n" + log());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
