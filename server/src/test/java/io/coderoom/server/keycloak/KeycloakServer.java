package io.coderoom.server.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from its distribution zip (which Maven resolves as a test dependency), in dev mode on
 * loopback with the realm in {@code src/test/resources/keycloak/coderoom-realm.json}. The zip is
 * unpacked once into the build's {@code target/keycloak-VERSION} and kept there; each start wipes
 * that tree's data directory, so every run begins from the realm file alone.
 */
public final class KeycloakServer implements AutoCloseable {
  /** Keycloak starts in about 18 s on an idle machine; a busy one takes longer. */
  private static final Duration START_WAIT = Duration.ofSeconds(180);

  public static final String REALM = "coderoom";
  public static final String CLIENT_ID = "coderoom";
  public static final String CLIENT_SECRET = "coderoom-test-client-secret";
  public static final String OTHER_CLIENT_ID = "coderoom-other";
  public static final String OTHER_CLIENT_SECRET = "coderoom-other-test-client-secret";

  /** A person in the realm file, with their password and verified (or not) email. */
  public record Person(String username, String password, String email, String name) {}

  public static final Person ALEX =
      new Person("alex", "alex-test-password", "alex@example.test", "Alex Example");
  public static final Person BLAIR =
      new Person("blair", "blair-test-password", "blair@example.test", "Blair Example");
  public static final Person CASEY =
      new Person("casey", "casey-test-password", "casey@example.test", "Casey Example");

  /** Whose email the realm leaves unverified. */
  public static final Person DANA =
      new Person("dana", "dana-test-password", "dana@unverified.test", "Dana Example");

  public static final Person ERIN =
      new Person("erin", "erin-test-password", "erin@example.test", "Erin Example");

  public static final Person JULES =
      new Person("jules", "jules-test-password", "jules@example.test", "Jules Example");

  /** The browser scenarios' people: one who signs up with a setup link, one never invited. */
  public static final Person ROBIN =
      new Person("robin", "robin-test-password", "robin@example.test", "Robin Example");

  public static final Person SAM =
      new Person("sam", "sam-test-password", "sam@example.test", "Sam Example");

  private final Process process;
  private final int port;
  private final Path log;
  private boolean ready;

  private KeycloakServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The realm's issuer URL, as its tokens name it. */
  public URI issuer() {
    return URI.create("http://127.0.0.1:" + port + "/realms/" + REALM);
  }

  public int port() {
    return port;
  }

  /** Unpacks the distribution if needed and starts it; returns once the realm answers. */
  public static KeycloakServer start() throws Exception {
    return launch().awaitReady();
  }

  /**
   * Unpacks the distribution if needed and starts it, without waiting: its port is known at once,
   * so a server can be configured with its issuer while it starts ({@link #awaitReady}).
   */
  public static KeycloakServer launch() throws Exception {
    Path home = unpacked();
    Path data = home.resolve("data");
    deleteTree(data);
    Path imports = Files.createDirectories(data.resolve("import"));
    try (InputStream realm =
        KeycloakServer.class.getResourceAsStream("/keycloak/coderoom-realm.json")) {
      if (realm == null) {
        throw new IllegalStateException("the realm file keycloak/coderoom-realm.json is missing");
      }
      Files.copy(realm, imports.resolve("coderoom-realm.json"));
    }
    int port = freePort();
    Path log = home.resolveSibling("keycloak-" + port + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + freePort(),
                "--hostname-strict=false",
                "--db=dev-mem",
                "--import-realm",
                "--log-level=warn"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // Any JDK 21 or newer runs it; the tests' own is one.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    // Its thread pool resets thread locals through java.lang internals, which JDK 24+ must open.
    builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    Process process = builder.start();
    KeycloakServer server = new KeycloakServer(process, port, log);
    // Also stopped when the test JVM is told to stop before JUnit closes it.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
    return server;
  }

  /**
   * Waits until the realm answers (at once when it did before); stops Keycloak if it never does.
   */
  public synchronized KeycloakServer awaitReady() throws Exception {
    if (!ready) {
      try {
        awaitRealm();
      } catch (Exception | AssertionError e) {
        close();
        throw e;
      }
      ready = true;
    }
    return this;
  }

  private void awaitRealm() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Keycloak exited early:\n" + log());
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "Keycloak did not serve its realm within " + START_WAIT + ":\n" + log());
  }

  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** Stops it: kc.sh passes SIGTERM on to Keycloak's JVM, which is killed if it lingers. */
  @Override
  public void close() {
    List<ProcessHandle> jvms = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    jvms.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The unpacked distribution, unpacking the zip Maven resolved the first time. */
  static synchronized Path unpacked() throws IOException {
    Path home = Path.of(required("coderoom.test.keycloakHome")).toAbsolutePath();
    if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
      return home;
    }
    Path zip = Path.of(required("coderoom.test.keycloakZip"));
    Path partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial");
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : archive.stream().toList()) {
        // The zip holds one top folder (keycloak-VERSION/); its contents become the home.
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
          continue;
        }
        Path target = partial.resolve(name.substring(slash + 1)).normalize();
        if (!target.startsWith(partial)) {
          throw new IOException("the Keycloak zip has an entry outside its folder: " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    try (Stream<Path> scripts = Files.list(partial.resolve("bin"))) {
      for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
        script.toFile().setExecutable(true);
      }
    }
    Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    return home;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          property + " is not set: run the tests through Maven, which resolves the Keycloak zip");
    }
    return value;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
