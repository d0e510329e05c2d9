package io.coderoom.server;

import io.coderoom.observability.Tracing;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.account.Accounts;
import io.coderoom.server.account.ApiTokens;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.OneTimeLinks;
import io.coderoom.server.account.Sessions;
import io.coderoom.server.account.Teams;
import io.coderoom.server.account.oidc.OidcSignIn;
import io.coderoom.server.api.ApiTokensApi;
import io.coderoom.server.api.AuthApi;
import io.coderoom.server.api.HealthEndpoints;
import io.coderoom.server.api.LanguagesEndpoint;
import io.coderoom.server.api.MarkdownPreviewApi;
import io.coderoom.server.api.MetricsEndpoint;
import io.coderoom.server.api.OidcApi;
import io.coderoom.server.api.OpenApiEndpoint;
import io.coderoom.server.api.PasskeyApi;
import io.coderoom.server.api.ProblemsApi;
import io.coderoom.server.api.ReportApi;
import io.coderoom.server.api.RoomManagementApi;
import io.coderoom.server.api.RoomsApi;
import io.coderoom.server.api.RunsApi;
import io.coderoom.server.api.ScorecardsApi;
import io.coderoom.server.api.TeamApi;
import io.coderoom.server.api.TeamProblemsApi;
import io.coderoom.server.api.TimelineApi;
import io.coderoom.server.auth.AuthConfig;
import io.coderoom.server.auth.RoomTokenCodec;
import io.coderoom.server.cluster.InstanceAddress;
import io.coderoom.server.cluster.PeerRelay;
import io.coderoom.server.cluster.RedisConnector;
import io.coderoom.server.cluster.RoomOwnership;
import io.coderoom.server.cluster.RoomSignals;
import io.coderoom.server.observability.Metrics;
import io.coderoom.server.playback.ExportPage;
import io.coderoom.server.playback.TimelineReader;
import io.coderoom.server.problem.CuratedProblems;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.ProblemReader;
import io.coderoom.server.problem.ProblemValidator;
import io.coderoom.server.report.DocumentText;
import io.coderoom.server.report.Scorecards;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.room.RoomManager;
import io.coderoom.server.run.RunQueue;
import io.coderoom.server.run.RunStore;
import io.coderoom.server.run.RunTracing;
import io.coderoom.server.run.StaleRuns;
import io.coderoom.server.store.Database;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.DocumentLogWriter;
import io.coderoom.server.store.Retention;
import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.sync.RoomRegistry;
import io.coderoom.server.sync.RoomSockets;
import io.coderoom.server.transport.ConnectionTimeouts;
import io.coderoom.server.transport.CrossSiteGuard;
import io.coderoom.server.transport.HttpServer;
import io.coderoom.server.transport.RequestLimits;
import io.coderoom.server.transport.Router;
import io.coderoom.server.web.StaticFilesEndpoint;
import io.coderoom.server.web.StaticSite;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpMethod;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The running server: builds every part from the configuration and stops them in order. */
public final class CoderoomServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CoderoomServer.class);

  private final OpenTelemetrySdk openTelemetry;
  private final Metrics metrics;
  private final ExecutorService blockingCalls;
  private final Database database;
  private final DocumentLogWriter logWriter;
  private final RoomOwnership ownership;
  private final RoomSignals signals;
  private final RedisConnector redis;
  private final HttpServer http;
  private final Housekeeping housekeeping;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CoderoomServer(
      OpenTelemetrySdk openTelemetry,
      Metrics metrics,
      ExecutorService blockingCalls,
      Database database,
      DocumentLogWriter logWriter,
      RoomOwnership ownership,
      RoomSignals signals,
      RedisConnector redis,
      HttpServer http,
      Housekeeping housekeeping) {
    this.openTelemetry = openTelemetry;
    this.metrics = metrics;
    this.blockingCalls = blockingCalls;
    this.database = database;
    this.logWriter = logWriter;
    this.ownership = ownership;
    this.signals = signals;
    this.redis = redis;
    this.http = http;
    this.housekeeping = housekeeping;
  }

  /** Starts a server exporting traces as the configuration says. */
  public static CoderoomServer start(ServerConfig config) throws InterruptedException {
    return start(config, Tracing.create(Tracing.SERVER, config.traces()));
  }

  /**
   * Starts a server with the given OpenTelemetry SDK, which it owns and closes.
   *
   * @throws IllegalStateException if PostgreSQL does not answer in time
   */
  public static CoderoomServer start(ServerConfig config, OpenTelemetrySdk openTelemetry)
      throws InterruptedException {
    EventLoopGroup workers = HttpServer.newWorkerGroup(config.eventLoops());
    Metrics metrics = new Metrics(workers);
    // Blocking calls (JDBC, later Docker) run here, off the event loops.
    ExecutorService blockingCalls =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("blocking-", 0).factory());
    Database database = null;
    DocumentLogWriter logWriter = null;
    RoomOwnership ownership = null;
    RoomSignals signals = null;
    RedisConnector redis = null;
    Housekeeping housekeeping = null;
    try {
      database =
          Database.open(
              config.databaseUrl(),
              config.databaseUser(),
              config.databasePassword(),
              config.databaseStartupTimeout(),
              metrics.registry(),
              blockingCalls);
      redis = new RedisConnector(config.redisUrl());
      redis.connection(); // connect early; readiness reports it if this fails

      AtomicReference<URI> boundUrl = new AtomicReference<>();
      Supplier<URI> publicUrl = () -> config.publicUrl().orElseGet(boundUrl::get);
      Clock clock = Clock.systemUTC();
      RoomTokenCodec codec = codec(config.auth(), clock);
      RoomAccess access = new RoomAccess(config.auth().apiKey(), codec, database.jdbi());
      DocumentLog documentLog = new DocumentLog(database.jdbi());
      AtomicReference<String> clusterAddress = new AtomicReference<>();
      ownership =
          new RoomOwnership(
              config.databaseUrl(),
              config.databaseUser(),
              config.databasePassword(),
              clusterAddress::get);
      logWriter = new DocumentLogWriter(documentLog, ownership::holds);
      RoomDirectory directory = new RoomDirectory(database.jdbi(), codec, config.auth(), clock);
      RunStore runStore = new RunStore(database.jdbi());
      // The library: the curated folders imported (a changed one as a new version) before any
      // room can pick a problem; a folder that does not read stops the start here.
      ProblemLibrary problems =
          new ProblemLibrary(database.jdbi(), new ProblemReader(Languages.builtIn()), clock);
      problems.importCurated(CuratedProblems.folders());
      RunQueue runQueue =
          new RunQueue(redis, runStore, blockingCalls, clock, new RunTracing(openTelemetry));
      signals = new RoomSignals(redis);
      RoomRegistry registry =
          new RoomRegistry(
              workers,
              documentLog,
              logWriter,
              database.jdbi(),
              directory,
              runQueue,
              problems,
              blockingCalls,
              clock,
              config.roomIdleUnload(),
              ownership,
              signals,
              metrics.registry());
      Sessions sessions =
          new Sessions(
              database.jdbi(),
              clock,
              config.accounts().sessionIdle(),
              config.accounts().sessionMax());
      Accounts accounts = new Accounts(database.jdbi(), clock);
      OneTimeLinks oneTimeLinks = new OneTimeLinks(database.jdbi(), clock);
      OidcApi oidcApi =
          new OidcApi(
              config.accounts().oidc(),
              new OidcSignIn(
                  database.jdbi(),
                  accounts,
                  oneTimeLinks,
                  sessions,
                  config.accounts().oidc(),
                  clock),
              blockingCalls,
              publicUrl,
              clock);
      ApiTokens apiTokens = new ApiTokens(database.jdbi(), clock);
      RequestLimits limits = limits(config);
      Callers callers = new Callers(config.auth().apiKey(), sessions, apiTokens, limits.accounts());
      RoomManager roomManager = new RoomManager(database.jdbi(), directory);
      RoomsApi roomsApi =
          new RoomsApi(
              directory,
              access,
              blockingCalls,
              publicUrl,
              registry,
              documentLog,
              callers,
              roomManager,
              problems,
              config.retention());

      StaticSite site = StaticSite.load(config.webDirectory());
      if (site.isEmpty()) {
        log.warn("no web client at {}: build it with ./coderoom build", config.webDirectory());
      }
      Router router = new Router();
      new HealthEndpoints(
              List.of(database.readinessCheck(), redis.readinessCheck()), config.metricsToken())
          .register(router);
      new MetricsEndpoint(metrics.registry(), config.metricsToken()).register(router);
      new OpenApiEndpoint().register(router);
      new LanguagesEndpoint(Languages.builtIn()).register(router);
      // Before /api/problems/{id}: the first template that matches a path answers it.
      new MarkdownPreviewApi(callers, blockingCalls).register(router);
      new ProblemsApi(problems, Languages.builtIn(), callers, access, codec, blockingCalls)
          .register(router);
      new TeamProblemsApi(callers, problems, new ProblemValidator(runQueue), blockingCalls)
          .register(router);
      new AuthApi(
              callers, sessions, accounts, oneTimeLinks, blockingCalls, publicUrl, oidcApi::options)
          .register(router);
      oidcApi.register(router);
      new PasskeyApi(
              database.jdbi(),
              accounts,
              oneTimeLinks,
              sessions,
              callers,
              publicUrl,
              clock,
              blockingCalls)
          .register(router);
      roomsApi.register(router);
      new RoomManagementApi(
              directory,
              roomManager,
              access,
              callers,
              blockingCalls,
              publicUrl,
              registry,
              problems,
              config.retention())
          .register(router);
      new RunsApi(access, registry, runStore, problems, blockingCalls, callers).register(router);
      new ApiTokensApi(callers, apiTokens, blockingCalls).register(router);
      new TeamApi(
              callers,
              accounts,
              new Teams(database.jdbi(), clock, oneTimeLinks),
              blockingCalls,
              publicUrl)
          .register(router);
      // Scorecards and the report: what an interview leaves for its interviewers and team.
      RoomEvents roomEvents = new RoomEvents(database.jdbi());
      TimelineReader timeline =
          new TimelineReader(database.jdbi(), documentLog, runStore, roomEvents);
      Scorecards scorecards = new Scorecards(database.jdbi(), clock);
      new ScorecardsApi(callers, access, directory, scorecards, blockingCalls).register(router);
      ReportApi reports =
          new ReportApi(
              callers,
              access,
              directory,
              roomManager,
              runStore,
              problems,
              roomEvents,
              scorecards,
              new DocumentText(documentLog),
              timeline,
              blockingCalls,
              clock);
      reports.register(router);
      // Playback: the timeline from storage, and the offline file with the report in it.
      new TimelineApi(
              timeline,
              ExportPage.load(config.webDirectory()),
              reports::build,
              access,
              callers,
              blockingCalls)
          .register(router);
      router.fallback(new StaticFilesEndpoint(site));

      HttpServer http =
          HttpServer.start(
              config.host(),
              config.port(),
              router,
              new RoomSockets(access, registry, new PeerRelay(), blockingCalls),
              openTelemetry,
              metrics.registry(),
              limits,
              config.trustedProxies(),
              new CrossSiteGuard(publicUrl, config.accounts().allowedOrigins()),
              workers,
              config.shutdownGrace(),
              new ConnectionTimeouts(config.httpIdleTimeout(), config.webSocketPing()));
      boundUrl.set(URI.create("http://" + config.host() + ":" + http.localAddress().getPort()));
      clusterAddress.set(
          config
              .clusterAddress()
              .orElseGet(() -> InstanceAddress.of(config.host(), http.localAddress().getPort())));
      log.info("listening on {} (instance address {})", boundUrl.get(), clusterAddress.get());
      if (!config.trustedProxies().nobody()) {
        log.info("client addresses read from X-Forwarded-For of {}", config.trustedProxies());
      }
      housekeeping =
          new Housekeeping()
              .schedule(
                  "the stale-run sweep", StaleRuns.EVERY, new StaleRuns(runStore, redis, clock))
              .schedule(
                  "the retention sweep",
                  Retention.EVERY,
                  new Retention(database.jdbi(), config.retention()))
              .schedule("the session sweep", Duration.ofHours(1), sessions::sweep)
              .schedule("the pending sign-in sweep", Duration.ofMinutes(5), oidcApi::sweep);
      if (!config.roomCheck().isZero()) {
        // The safety net under the room signals: one that was lost takes effect by the next check,
        // not after a long retention sweep.
        housekeeping.scheduleApart(
            "the live rooms' check", config.roomCheck(), registry::reconcileNow);
      }
      return new CoderoomServer(
          openTelemetry,
          metrics,
          blockingCalls,
          database,
          logWriter,
          ownership,
          signals,
          redis,
          http,
          housekeeping);
    } catch (InterruptedException | RuntimeException e) {
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      if (housekeeping != null) {
        housekeeping.close();
      }
      if (signals != null) {
        signals.close();
      }
      if (redis != null) {
        redis.close();
      }
      if (logWriter != null) {
        logWriter.close();
      }
      if (ownership != null) {
        ownership.close();
      }
      if (database != null) {
        database.close();
      }
      blockingCalls.shutdownNow();
      metrics.close();
      openTelemetry.close();
      throw e;
    }
  }

  /**
   * Rate limits, per client address before routing and per account once the caller is known. A
   * wrong API token is a refused credential like a wrong API key: the failed-credentials limit
   * covers both.
   */
  private static RequestLimits limits(ServerConfig config) {
    return RequestLimits.builder()
        .route(HttpMethod.POST, "/api/rooms", config.roomsPerMinute())
        .routePerAccount(HttpMethod.POST, "/api/rooms", config.accountRoomsPerMinute())
        .failedCredentials(config.authFailuresPerMinute())
        // Sign-in and registration: each group's steps share one allowance per address.
        .routesUnder("/api/auth/passkey/", config.signInsPerMinute())
        .routesUnder("/api/auth/oidc/", config.signInsPerMinute())
        .routesUnder("/api/auth/links/", config.signInsPerMinute())
        .routesUnder("/api/admin/links", config.signInsPerMinute())
        // A signed-in member adding passkeys: the same allowance per account, from any address.
        .routePerAccount(
            HttpMethod.POST, "/api/auth/passkey/register/options", config.signInsPerMinute())
        .routePerAccount(HttpMethod.POST, "/api/auth/passkey/register", config.signInsPerMinute())
        .build();
  }

  private static RoomTokenCodec codec(AuthConfig auth, Clock clock) {
    if (!auth.apiKey().configured()) {
      log.warn("CODEROOM_API_KEY is not set: creating rooms is refused until it is");
    }
    if (auth.tokenKeys().ephemeral()) {
      log.warn("CODEROOM_TOKEN_KEYS is not set: room links stop working when the server restarts");
    }
    return new RoomTokenCodec(auth.tokenKeys(), clock);
  }

  public InetSocketAddress address() {
    return http.localAddress();
  }

  /** The base URL clients use, such as {@code http://127.0.0.1:8080}. */
  public URI baseUri() {
    InetSocketAddress address = address();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  /** Stops accepting, lets requests in flight finish, then closes every connection. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.close();
    housekeeping.close();
    // Sockets are closed; every update they sent goes to PostgreSQL before the pool closes.
    logWriter.close();
    // Stored: the rooms are free for the other instances to take at once.
    ownership.close();
    signals.close();
    redis.close();
    database.close();
    blockingCalls.close();
    metrics.close();
    openTelemetry.close();
    log.info("stopped");
  }

  public static void main(String[] args) throws InterruptedException {
    // Libraries that log through java.util.logging (OpenTelemetry's exporters) join our log.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    ServerConfig config;
    CoderoomServer server;
    try {
      config = ServerConfig.fromEnv(System.getenv());
      server = start(config);
    } catch (IllegalArgumentException | IllegalStateException e) {
      log.error("cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and SIGINT run shutdown hooks: drain, then exit.
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("shutdown")
                .unstarted(
                    () -> {
                      log.info("stopping");
                      server.close();
                      stopped.countDown();
                    }));
    stopped.await();
  }
}
