package io.coderoom.server;

import io.coderoom.observability.MetricsToken;
import io.coderoom.observability.TracesConfig;
import io.coderoom.runner.protocol.Setting;
import io.coderoom.runner.protocol.SharedSettings;
import io.coderoom.server.account.AccountConfig;
import io.coderoom.server.auth.AuthConfig;
import io.coderoom.server.transport.TrustedProxies;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the server reads from its environment. Each field names its variable; defaults keep
 * everything on loopback so a fresh checkout runs without configuration.
 *
 * @param host {@code CODEROOM_HOST}, address to listen on, default {@code 127.0.0.1}
 * @param port {@code CODEROOM_PORT}, default 8080; 0 picks a free port
 * @param databaseUrl {@code CODEROOM_DB_URL}, JDBC URL of PostgreSQL
 * @param databaseUser {@code CODEROOM_DB_USER}
 * @param databasePassword {@code CODEROOM_DB_PASSWORD}
 * @param databaseStartupTimeout {@code CODEROOM_DB_STARTUP_TIMEOUT_SECONDS}: how long start waits
 *     for PostgreSQL to answer before giving up, default 30
 * @param redisUrl {@code CODEROOM_REDIS_URL}, default {@code redis://127.0.0.1:6379}
 * @param webDirectory {@code CODEROOM_WEB_DIR}: the built web client, default {@code
 *     web-client/dist}
 * @param traces {@code CODEROOM_TRACES_EXPORTER} ({@code none}, {@code logging} or {@code otlp},
 *     default none) and {@code CODEROOM_OTLP_ENDPOINT} (OTLP/HTTP traces URL, default {@code
 *     http://127.0.0.1:4318/v1/traces}), as the runner agents read them
 * @param shutdownGrace {@code CODEROOM_SHUTDOWN_GRACE_SECONDS}: how long a stopping server lets
 *     requests in flight finish, default 10
 * @param roomIdleUnload {@code CODEROOM_ROOM_IDLE_SECONDS}: how long a room with no socket stays in
 *     memory, default 60
 * @param roomCheck {@code CODEROOM_ROOM_CHECK_SECONDS}: how often the live rooms are checked
 *     against PostgreSQL for an end or a revoked link whose signal was lost, default 5; zero for
 *     never
 * @param publicUrl {@code CODEROOM_PUBLIC_URL}: the address people open, used in room links; when
 *     empty, {@code http://HOST:PORT} of the bound socket
 * @param clusterAddress {@code CODEROOM_CLUSTER_ADDRESS}: how the other instances reach this one;
 *     when empty, HOST:PORT of the bound socket (this host's address for a wildcard HOST)
 * @param trustedProxies {@code CODEROOM_TRUSTED_PROXIES}: the proxies (and cluster instances) whose
 *     {@code X-Forwarded-For} names the client; by default nobody
 * @param eventLoops {@code CODEROOM_EVENT_LOOPS}: worker event loops (each room lives on one),
 *     default one per core
 * @param auth credentials and link lifetimes
 * @param metricsToken {@code CODEROOM_METRICS_TOKEN}: when set, {@code /metrics} and {@code
 *     /readyz} need it as {@code Authorization: Bearer <token>}; unset, they are open
 * @param retention {@code CODEROOM_RETENTION_DAYS}: rooms created longer ago than this, and without
 *     activity for as long, are deleted with their documents, runs and audit log; default 90 days,
 *     0 keeps everything
 * @param roomsPerMinute {@code CODEROOM_ROOMS_PER_MINUTE}: room creations a client address may make
 *     a minute (in a burst, or spread out), default 60; 0 turns the limit off
 * @param authFailuresPerMinute {@code CODEROOM_AUTH_FAILURES_PER_MINUTE}: refused credentials a
 *     client address may present a minute before every credential from it is refused for a while,
 *     default 10; 0 turns the limit off
 * @param signInsPerMinute {@code CODEROOM_SIGN_INS_PER_MINUTE}: requests a client address may make
 *     a minute to each group of sign-in and registration endpoints (passkeys, OIDC, one-time links,
 *     issuing account links), default 30; 0 turns the limit off
 * @param accountRoomsPerMinute {@code CODEROOM_ACCOUNT_ROOMS_PER_MINUTE}: room creations one
 *     account (signed in or by its API tokens, from any address) may make a minute, default 30; 0
 *     turns the limit off
 * @param httpIdleTimeout {@code CODEROOM_HTTP_IDLE_SECONDS}: an HTTP connection with no traffic
 *     either way for this long is closed, default 120
 * @param webSocketPing {@code CODEROOM_WS_PING_SECONDS}: a socket whose peer was silent this long
 *     is pinged, and closed (1001) after as long again without a word; default 20 (shorter behind a
 *     proxy that drops quiet connections sooner)
 * @param accounts sessions, the origins allowed to use them, and sign-in methods
 */
public record ServerConfig(
    String host,
    int port,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    Duration databaseStartupTimeout,
    String redisUrl,
    Path webDirectory,
    TracesConfig traces,
    Duration shutdownGrace,
    Duration roomIdleUnload,
    Duration roomCheck,
    Optional<URI> publicUrl,
    Optional<String> clusterAddress,
    TrustedProxies trustedProxies,
    int eventLoops,
    AuthConfig auth,
    MetricsToken metricsToken,
    Duration retention,
    int roomsPerMinute,
    int authFailuresPerMinute,
    int signInsPerMinute,
    int accountRoomsPerMinute,
    Duration httpIdleTimeout,
    Duration webSocketPing,
    AccountConfig accounts) {

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(databaseUser, "databaseUser");
    Objects.requireNonNull(databasePassword, "databasePassword");
    Objects.requireNonNull(databaseStartupTimeout, "databaseStartupTimeout");
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(webDirectory, "webDirectory");
    Objects.requireNonNull(traces, "traces");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(roomIdleUnload, "roomIdleUnload");
    Objects.requireNonNull(roomCheck, "roomCheck");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(clusterAddress, "clusterAddress");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(metricsToken, "metricsToken");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(httpIdleTimeout, "httpIdleTimeout");
    Objects.requireNonNull(webSocketPing, "webSocketPing");
    Objects.requireNonNull(accounts, "accounts");
    if (httpIdleTimeout.toMillis() < 1 || webSocketPing.toMillis() < 1) {
      throw new IllegalArgumentException(
          "CODEROOM_HTTP_IDLE_SECONDS and CODEROOM_WS_PING_SECONDS must be at least 1");
    }
    if (roomCheck.isNegative()) {
      throw new IllegalArgumentException("CODEROOM_ROOM_CHECK_SECONDS must be 0 or more");
    }
    if (retention.isNegative()) {
      throw new IllegalArgumentException("CODEROOM_RETENTION_DAYS must be 0 or more");
    }
    if (roomsPerMinute < 0 || authFailuresPerMinute < 0) {
      throw new IllegalArgumentException(
          "CODEROOM_ROOMS_PER_MINUTE and CODEROOM_AUTH_FAILURES_PER_MINUTE must be 0 or more");
    }
    if (signInsPerMinute < 0 || accountRoomsPerMinute < 0) {
      throw new IllegalArgumentException(
          "CODEROOM_SIGN_INS_PER_MINUTE and CODEROOM_ACCOUNT_ROOMS_PER_MINUTE must be 0 or more");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("CODEROOM_PORT must be within 0..65535, was " + port);
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException(
          "CODEROOM_EVENT_LOOPS must be at least 1, was " + eventLoops);
    }
  }

  /** Reads the configuration from an environment map such as {@link System#getenv()}. */
  public static ServerConfig fromEnv(Map<String, String> env) {
    Env e = new Env(env);
    return new ServerConfig(
        e.string(ServerSettings.HOST),
        e.integer(ServerSettings.PORT),
        e.string(ServerSettings.DB_URL),
        e.string(ServerSettings.DB_USER),
        e.string(ServerSettings.DB_PASSWORD),
        Duration.ofSeconds(e.integer(ServerSettings.DB_STARTUP_TIMEOUT_SECONDS)),
        e.string(SharedSettings.REDIS_URL),
        Path.of(e.string(ServerSettings.WEB_DIR)),
        TracesConfig.fromEnv(env),
        Duration.ofSeconds(e.integer(ServerSettings.SHUTDOWN_GRACE_SECONDS)),
        Duration.ofSeconds(e.integer(ServerSettings.ROOM_IDLE_SECONDS)),
        Duration.ofSeconds(e.integer(ServerSettings.ROOM_CHECK_SECONDS)),
        ServerSettings.PUBLIC_URL
            .value(env)
            .map(url -> URI.create(url.trim().replaceAll("/+$", ""))),
        ServerSettings.CLUSTER_ADDRESS.value(env).map(String::trim),
        e.trustedProxies(ServerSettings.TRUSTED_PROXIES),
        ServerSettings.EVENT_LOOPS.value(env).isPresent()
            ? e.integer(ServerSettings.EVENT_LOOPS)
            : Runtime.getRuntime().availableProcessors(),
        AuthConfig.fromEnv(env),
        MetricsToken.of(env.get(ServerSettings.METRICS_TOKEN.name())),
        Duration.ofDays(e.integer(ServerSettings.RETENTION_DAYS)),
        e.integer(ServerSettings.ROOMS_PER_MINUTE),
        e.integer(ServerSettings.AUTH_FAILURES_PER_MINUTE),
        e.integer(ServerSettings.SIGN_INS_PER_MINUTE),
        e.integer(ServerSettings.ACCOUNT_ROOMS_PER_MINUTE),
        Duration.ofSeconds(e.integer(ServerSettings.HTTP_IDLE_SECONDS)),
        Duration.ofSeconds(e.integer(ServerSettings.WS_PING_SECONDS)),
        AccountConfig.fromEnv(env));
  }

  /** A copy with some fields changed: {@code config.with(b -> b.port = 0)}. */
  public ServerConfig with(Consumer<Changes> changes) {
    Changes c = new Changes(this);
    changes.accept(c);
    return new ServerConfig(
        c.host,
        c.port,
        c.databaseUrl,
        c.databaseUser,
        c.databasePassword,
        c.databaseStartupTimeout,
        c.redisUrl,
        c.webDirectory,
        c.traces,
        c.shutdownGrace,
        c.roomIdleUnload,
        c.roomCheck,
        c.publicUrl,
        c.clusterAddress,
        c.trustedProxies,
        c.eventLoops,
        c.auth,
        c.metricsToken,
        c.retention,
        c.roomsPerMinute,
        c.authFailuresPerMinute,
        c.signInsPerMinute,
        c.accountRoomsPerMinute,
        c.httpIdleTimeout,
        c.webSocketPing,
        c.accounts);
  }

  /** The fields of a configuration, to change before {@link #with} builds the copy. */
  public static final class Changes {
    public String host;
    public int port;
    public String databaseUrl;
    public String databaseUser;
    public String databasePassword;
    public Duration databaseStartupTimeout;
    public String redisUrl;
    public Path webDirectory;
    public TracesConfig traces;
    public Duration shutdownGrace;
    public Duration roomIdleUnload;
    public Duration roomCheck;
    public Optional<URI> publicUrl;
    public Optional<String> clusterAddress;
    public TrustedProxies trustedProxies;
    public int eventLoops;
    public AuthConfig auth;
    public MetricsToken metricsToken;
    public Duration retention;
    public int roomsPerMinute;
    public int authFailuresPerMinute;
    public int signInsPerMinute;
    public int accountRoomsPerMinute;
    public Duration httpIdleTimeout;
    public Duration webSocketPing;
    public AccountConfig accounts;

    private Changes(ServerConfig c) {
      host = c.host;
      port = c.port;
      databaseUrl = c.databaseUrl;
      databaseUser = c.databaseUser;
      databasePassword = c.databasePassword;
      databaseStartupTimeout = c.databaseStartupTimeout;
      redisUrl = c.redisUrl;
      webDirectory = c.webDirectory;
      traces = c.traces;
      shutdownGrace = c.shutdownGrace;
      roomIdleUnload = c.roomIdleUnload;
      roomCheck = c.roomCheck;
      publicUrl = c.publicUrl;
      clusterAddress = c.clusterAddress;
      trustedProxies = c.trustedProxies;
      eventLoops = c.eventLoops;
      auth = c.auth;
      metricsToken = c.metricsToken;
      retention = c.retention;
      roomsPerMinute = c.roomsPerMinute;
      authFailuresPerMinute = c.authFailuresPerMinute;
      signInsPerMinute = c.signInsPerMinute;
      accountRoomsPerMinute = c.accountRoomsPerMinute;
      httpIdleTimeout = c.httpIdleTimeout;
      webSocketPing = c.webSocketPing;
      accounts = c.accounts;
    }
  }

  /** Typed reads of environment variables with messages that name the variable. */
  private record Env(Map<String, String> values) {
    String string(Setting setting) {
      return setting.read(values).trim();
    }

    int integer(Setting setting) {
      String value = string(setting);
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            setting.name() + " must be a whole number, was '" + value + "'");
      }
    }

    TrustedProxies trustedProxies(Setting setting) {
      try {
        return TrustedProxies.parse(string(setting));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(setting.name() + ": " + e.getMessage(), e);
      }
    }
  }
}
