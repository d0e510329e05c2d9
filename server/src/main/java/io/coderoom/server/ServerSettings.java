package io.coderoom.server;

import io.coderoom.runner.protocol.Setting;
import io.coderoom.runner.protocol.SharedSettings;
import java.util.List;

/**
 * The server's settings, and those of the {@code ./coderoom} script that starts it (PostgreSQL and
 * Redis, logs), declared once: {@link ServerConfig} and the configurations it gathers read them
 * through these, and {@code coderoom.env.example} and the README's table are generated from {@link
 * #ALL} with the runner agent's.
 */
public final class ServerSettings {
  private ServerSettings() {}

  private static final String SERVER = "Server";
  private static final String CREDENTIALS = "Credentials";
  private static final String RETENTION = "Retention";
  private static final String POSTGRESQL = "PostgreSQL";
  private static final String REDIS = "Redis";
  private static final String LOGS = "Logs and traces";

  public static final Setting HOST =
      Setting.of(SERVER, "CODEROOM_HOST", "127.0.0.1", "the address the server listens on");
  public static final Setting PORT =
      Setting.of(SERVER, "CODEROOM_PORT", "8080", "the port the server listens on");
  public static final Setting WEB_DIR =
      Setting.derived(
              SERVER,
              "CODEROOM_WEB_DIR",
              "`web-client/dist`",
              "/path/to/web-client/dist",
              "the built web client the server serves (./coderoom builds it into web-client/dist)")
          .withFallback("web-client/dist");
  public static final Setting SHUTDOWN_GRACE_SECONDS =
      Setting.of(
          SERVER,
          "CODEROOM_SHUTDOWN_GRACE_SECONDS",
          "10",
          "how long SIGTERM lets requests in flight finish");
  public static final Setting ROOM_IDLE_SECONDS =
      Setting.of(
          SERVER,
          "CODEROOM_ROOM_IDLE_SECONDS",
          "60",
          "how long a room without sockets stays loaded");
  public static final Setting ROOM_CHECK_SECONDS =
      Setting.of(
          SERVER,
          "CODEROOM_ROOM_CHECK_SECONDS",
          "5",
          "how often an instance checks its live rooms against PostgreSQL for an ended room or a"
              + " revoked link whose signal over Redis it missed (it also checks whenever its"
              + " subscription comes back); 0 for only then");
  public static final Setting HTTP_IDLE_SECONDS =
      Setting.of(
          SERVER,
          "CODEROOM_HTTP_IDLE_SECONDS",
          "120",
          "an HTTP connection with no traffic either way for this long is closed");
  public static final Setting WS_PING_SECONDS =
      Setting.of(
          SERVER,
          "CODEROOM_WS_PING_SECONDS",
          "20",
          "a WebSocket whose peer said nothing for this long is pinged, and closed (1001) after as"
              + " long again without an answer; lower it behind a proxy that drops quiet"
              + " connections sooner");
  public static final Setting PUBLIC_URL =
      Setting.derived(
          SERVER,
          "CODEROOM_PUBLIC_URL",
          "`http://HOST:PORT`",
          "https://interviews.example.org",
          "the address people open, used in room links");
  public static final Setting CLUSTER_ADDRESS =
      Setting.derived(
          SERVER,
          "CODEROOM_CLUSTER_ADDRESS",
          "`HOST:PORT` (this host's address when HOST is 0.0.0.0)",
          "10.0.1.12:8080",
          "how the other server instances reach this one: each room lives in one instance and the"
              + " others forward its sockets there");
  public static final Setting TRUSTED_PROXIES =
      Setting.derived(
          SERVER,
          "CODEROOM_TRUSTED_PROXIES",
          "none",
          "10.0.0.0/8",
          "the load balancers in front of the servers and the servers of the cluster themselves"
              + " (comma-separated IPv4 or IPv6 addresses and CIDRs): for a request from one of"
              + " them, the client the per-address limits count is the rightmost X-Forwarded-For"
              + " entry not in this list; unset, the header is ignored and the client is the"
              + " connection's peer");
  public static final Setting EVENT_LOOPS =
      Setting.derived(
          SERVER,
          "CODEROOM_EVENT_LOOPS",
          "one per core",
          "4",
          "the server's worker event loops; each room lives on one");

  public static final Setting API_KEY =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_API_KEY",
          "generated",
          "",
          "automation and bootstrap (Authorization: Bearer <key>, 16+ characters): creates rooms"
              + " and issues one-time account links (./coderoom admin); up generates it into"
              + " .coderoom/secrets.env and prints it once. People sign in with accounts instead");
  public static final Setting TOKEN_KEYS =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_TOKEN_KEYS",
          "generated",
          "",
          "the HMAC keys room links are signed with, as kid:base64secret[,kid:base64secret...],"
              + " 32+ bytes each; the first signs, all verify, so rotate by putting a new key first"
              + " and drop the old one once its links have expired");
  public static final Setting CANDIDATE_LINK_HOURS =
      Setting.of(
          CREDENTIALS, "CODEROOM_CANDIDATE_LINK_HOURS", "24", "lifetime of candidate invites");
  public static final Setting STAFF_LINK_HOURS =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_STAFF_LINK_HOURS",
          "168",
          "lifetime of interviewer and observer links");
  public static final Setting SESSION_IDLE_HOURS =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_SESSION_IDLE_HOURS",
          "12",
          "a signed-in session ends after this many hours unused");
  public static final Setting SESSION_MAX_DAYS =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_SESSION_MAX_DAYS",
          "7",
          "a signed-in session ends this many days after sign-in however used");
  public static final Setting ALLOWED_ORIGINS =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_ALLOWED_ORIGINS",
          "none",
          "",
          "origins besides CODEROOM_PUBLIC_URL's whose pages may send cookie-carrying writes and"
              + " open sockets (comma-separated https://host[:port])");
  public static final Setting OIDC_ISSUER =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_OIDC_ISSUER",
          "unset: off",
          "https://login.example.com/realms/acme",
          "sign-in with an OpenID Connect provider: its issuer URL, exactly as its discovery"
              + " document names it; register the redirect URI"
              + " {CODEROOM_PUBLIC_URL}/api/auth/oidc/callback at the provider");
  public static final Setting OIDC_CLIENT_ID =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_OIDC_CLIENT_ID",
          "none",
          "coderoom",
          "this server's client at the provider");
  public static final Setting OIDC_CLIENT_SECRET =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_OIDC_CLIENT_SECRET",
          "none",
          "",
          "this server's client secret at the provider; none for a public client (PKCE alone)");
  public static final Setting OIDC_NAME =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_OIDC_NAME",
          "Single sign-on",
          "the provider's name on the sign-in button");
  public static final Setting OIDC_SCOPES =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_OIDC_SCOPES",
          "openid email profile",
          "the scopes asked for (must include openid)");
  public static final Setting OIDC_AUTO_JOIN =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_OIDC_AUTO_JOIN",
          "off",
          "who signs in the first time without a one-time link: off (a verified email an account"
              + " already has), or interviewer (also a verified email at one of"
              + " CODEROOM_OIDC_ALLOWED_DOMAINS joins the team as an interviewer)");
  public static final Setting OIDC_ALLOWED_DOMAINS =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_OIDC_ALLOWED_DOMAINS",
          "none",
          "example.com",
          "the comma-separated email domains CODEROOM_OIDC_AUTO_JOIN=interviewer admits");
  public static final Setting METRICS_TOKEN =
      Setting.derived(
          CREDENTIALS,
          "CODEROOM_METRICS_TOKEN",
          "generated",
          "",
          "when set (16+ characters), /metrics and /readyz need it as Authorization: Bearer"
              + " <token> (401 otherwise), and so does each runner agent's /metrics; /healthz"
              + " stays open. up generates one into .coderoom/secrets.env, and up and status send"
              + " it");
  public static final Setting ROOMS_PER_MINUTE =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_ROOMS_PER_MINUTE",
          "60",
          "room creations one client address may make a minute (all at once, or spread out);"
              + " past it 429 with Retry-After; 0 turns it off");
  public static final Setting AUTH_FAILURES_PER_MINUTE =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_AUTH_FAILURES_PER_MINUTE",
          "10",
          "refused credentials (a 401 to a request with an Authorization header) one client"
              + " address may cause a minute; past it every request from it that carries a"
              + " credential gets 429 until its allowance refills; 0 turns it off");
  public static final Setting SIGN_INS_PER_MINUTE =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_SIGN_INS_PER_MINUTE",
          "30",
          "requests one client address may make a minute to each group of sign-in and"
              + " registration endpoints (/api/auth/passkey/..., /api/auth/oidc/...,"
              + " /api/auth/links/..., /api/admin/links), and one signed-in account to add"
              + " passkeys from any address; past it 429 with Retry-After; 0 turns it off");
  public static final Setting ACCOUNT_ROOMS_PER_MINUTE =
      Setting.of(
          CREDENTIALS,
          "CODEROOM_ACCOUNT_ROOMS_PER_MINUTE",
          "30",
          "room creations one account may make a minute, by its sessions and API tokens"
              + " together, from any address (on top of the per-address limit); past it 429 with"
              + " Retry-After; 0 turns it off");

  public static final Setting RETENTION_DAYS =
      Setting.of(
          RETENTION,
          "CODEROOM_RETENTION_DAYS",
          "90",
          "rooms created longer ago than this, with nothing done in them (no edit, run, join or"
              + " other audited change) for as long, are deleted with their documents, update"
              + " logs, runs, links and audit log, by a daily sweep; 0 keeps everything");

  public static final Setting DB_HOST =
      Setting.of(
          POSTGRESQL,
          "CODEROOM_DB_HOST",
          "127.0.0.1",
          "PostgreSQL's host; ./coderoom builds CODEROOM_DB_URL from the host, port and name,"
              + " and on this machine creates the role and database when missing");
  public static final Setting DB_PORT =
      Setting.of(POSTGRESQL, "CODEROOM_DB_PORT", "5432", "PostgreSQL's port");
  public static final Setting DB_NAME =
      Setting.of(
          POSTGRESQL,
          "CODEROOM_DB_NAME",
          "coderoom",
          "the database; tests use NAME_test, recreated empty");
  public static final Setting DB_USER =
      Setting.of(POSTGRESQL, "CODEROOM_DB_USER", "coderoom", "the role the server connects as");
  public static final Setting DB_PASSWORD =
      Setting.derived(
              POSTGRESQL,
              "CODEROOM_DB_PASSWORD",
              "generated",
              "",
              "the role's password: up and test generate it into .coderoom/secrets.env and set it on"
                  + " the local role (ALTER ROLE); a database on another host needs it set")
          .withFallback("coderoom");
  public static final Setting DB_STARTUP_TIMEOUT_SECONDS =
      Setting.of(
          POSTGRESQL,
          "CODEROOM_DB_STARTUP_TIMEOUT_SECONDS",
          "30",
          "how long the server waits for PostgreSQL at start");
  public static final Setting DB_URL =
      Setting.derived(
              POSTGRESQL,
              "CODEROOM_DB_URL",
              "built by ./coderoom",
              "",
              "the JDBC URL of PostgreSQL (jdbc:postgresql://HOST:PORT/NAME); ./coderoom builds it"
                  + " from the settings above, so set it only for a server started some other way")
          .withFallback("jdbc:postgresql://127.0.0.1:5432/coderoom");

  public static final Setting REDIS_HOST =
      Setting.of(
          REDIS,
          "CODEROOM_REDIS_HOST",
          "127.0.0.1",
          "Redis's host; ./coderoom starts redis-server with its data in .coderoom/redis when"
              + " nothing answers on loopback");
  public static final Setting REDIS_PORT =
      Setting.of(REDIS, "CODEROOM_REDIS_PORT", "6379", "Redis's port");
  public static final Setting REDIS_PASSWORD =
      Setting.derived(
          REDIS,
          "CODEROOM_REDIS_PASSWORD",
          "generated",
          "",
          "Redis's password: generated into .coderoom/secrets.env, set as requirepass on the"
              + " Redis the script starts; a Redis already on the port must take it");
  public static final Setting REDIS_MAXMEMORY =
      Setting.of(
          REDIS,
          "CODEROOM_REDIS_MAXMEMORY",
          "256mb",
          "memory limit of the Redis the script starts, policy noeviction: when full it refuses"
              + " writes (the run that needed the memory fails with an error) rather than"
              + " silently drop queued jobs or results");

  public static final Setting LOG_FORMAT =
      Setting.of(
          LOGS,
          "CODEROOM_LOG_FORMAT",
          "text",
          "text (key=value lines) or json (one JSON object per line)");
  public static final Setting LOG_LEVEL =
      Setting.of(LOGS, "CODEROOM_LOG_LEVEL", "INFO", "the least severe level logged");

  /** Every setting, in the order the documentation lists them. */
  public static final List<Setting> ALL =
      List.of(
          HOST,
          PORT,
          WEB_DIR,
          SHUTDOWN_GRACE_SECONDS,
          ROOM_IDLE_SECONDS,
          ROOM_CHECK_SECONDS,
          HTTP_IDLE_SECONDS,
          WS_PING_SECONDS,
          PUBLIC_URL,
          CLUSTER_ADDRESS,
          TRUSTED_PROXIES,
          EVENT_LOOPS,
          API_KEY,
          TOKEN_KEYS,
          CANDIDATE_LINK_HOURS,
          STAFF_LINK_HOURS,
          SESSION_IDLE_HOURS,
          SESSION_MAX_DAYS,
          ALLOWED_ORIGINS,
          OIDC_ISSUER,
          OIDC_CLIENT_ID,
          OIDC_CLIENT_SECRET,
          OIDC_NAME,
          OIDC_SCOPES,
          OIDC_AUTO_JOIN,
          OIDC_ALLOWED_DOMAINS,
          METRICS_TOKEN,
          ROOMS_PER_MINUTE,
          AUTH_FAILURES_PER_MINUTE,
          SIGN_INS_PER_MINUTE,
          ACCOUNT_ROOMS_PER_MINUTE,
          RETENTION_DAYS,
          DB_HOST,
          DB_PORT,
          DB_NAME,
          DB_USER,
          DB_PASSWORD,
          DB_STARTUP_TIMEOUT_SECONDS,
          DB_URL,
          REDIS_HOST,
          REDIS_PORT,
          REDIS_PASSWORD,
          REDIS_MAXMEMORY,
          SharedSettings.REDIS_URL,
          LOG_FORMAT,
          LOG_LEVEL,
          SharedSettings.TRACES_EXPORTER,
          SharedSettings.OTLP_ENDPOINT);
}
