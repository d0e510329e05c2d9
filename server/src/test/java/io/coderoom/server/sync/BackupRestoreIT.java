package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.PrivatePostgres;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.auth.AuthConfig;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./coderoom backup} and {@code ./coderoom restore} as an operator runs them: a room typed
 * into over its document socket, with a chat message, a link issued and one revoked, and an account
 * with its team and session; backed up, the database dropped, restored on a "new machine" whose own
 * generated keys differ, and then every table holds the same rows, the room's code reads the same,
 * and its links are honoured (or refused) as before. Restoring a truncated archive, or over a
 * database that holds rooms without {@code --force}, or while a server runs, changes nothing.
 *
 * <p>The scripts run on a PostgreSQL cluster of this test's own and in state folders of its own
 * ({@code CODEROOM_STATE_DIR}), so the checkout's {@code .coderoom/secrets.env} and the shared
 * databases are never touched.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BackupRestoreIT {
  private static final Path CODEROOM = Path.of("..", "coderoom").toAbsolutePath().normalize();
  private static final String CODE = "def solve(numbers):\n    return sorted(numbers)\n";

  @TempDir Path temp;

  @Test
  void aRestoredBackupHoldsTheSameRowsAndHonoursTheSameLinks() throws Exception {
    try (PrivatePostgres postgres = PrivatePostgres.create()) {
      // The keys `up` generated on the machine backed up, and other ones on the machine restored
      // on: the restored keys must win over those.
      String keys = "k20260101:" + randomKey();
      Path oldMachine = stateFolder("old-machine", keys);
      Path newMachine = stateFolder("new-machine", "k20270101:" + randomKey());

      TestRoom room;
      TestRoom.Link issued;
      String cookie;
      try (CoderoomServer server = start(postgres, keys)) {
        room = TestRoom.create(server.baseUri(), "Backed up", "");
        try (YClient candidate = room.code(room.candidate());
            ControlClient host =
                room.control(room.interviewer()).allow("participant_joined", "participant_left")) {
          candidate.awaitSynced();
          host.await("welcome");
          for (String line : CODE.lines().toList()) {
            candidate.insert(candidate.text().length(), line + "\n");
          }
          host.send("{\"type\":\"chat_send\",\"channel\":\"everyone\",\"text\":\"Welcome, Sam.\"}");
          host.await("chat_message");
          await().atMost(Duration.ofSeconds(20)).until(() -> room.codeText().equals(CODE));
        }
        issued = room.issue("candidate", "Sam");
        room.revoke(room.candidate());
        try (TestAccounts accounts = new TestAccounts(config(postgres, keys))) {
          cookie = accounts.owner("Grace").cookie();
        }
      } // closing the server writes every update to PostgreSQL

      Map<String, String> before = contents(postgres);
      for (String table :
          List.of("rooms", "document_updates", "room_events", "users", "teams", "sessions")) {
        assertThat(before.get(table)).as("%s holds rows to compare", table).matches("[1-9].*");
      }
      assertThat(before.get("room_tokens"))
          .as("three links and the one issued")
          .startsWith("4 rows");

      Path archive = temp.resolve("backup.tar");
      Result backup = coderoom(postgres, oldMachine, "backup", archive.toString());
      assertThat(backup.exit()).as(backup.output()).isZero();
      assertThat(backup.output()).contains("Redis");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
          .isEqualTo("rw-------");
      String archived = Files.readString(archive, StandardCharsets.ISO_8859_1);
      assertThat(archived)
          .contains("CODEROOM_TOKEN_KEYS=" + keys)
          .contains("format=1\n", "schema_version=" + schemaVersion(postgres) + "\n");
      List<String> otherSecrets = new ArrayList<>(secretsOtherThanTheKeys(oldMachine));
      otherSecrets.add(postgres.password());
      Optional.ofNullable(System.getenv("CODEROOM_REDIS_PASSWORD")).ifPresent(otherSecrets::add);
      for (String secret : otherSecrets) {
        assertThat(archived).as("a service password or other secret").doesNotContain(secret);
      }

      // Refusals: each says why and leaves the database as it was.
      Path truncated = temp.resolve("truncated.tar");
      byte[] whole = Files.readAllBytes(archive);
      Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
      Result damaged = coderoom(postgres, newMachine, "restore", truncated.toString(), "--force");
      assertThat(damaged.exit()).isNotZero();
      assertThat(damaged.output())
          .contains("is not a whole Coderoom backup", "nothing was changed");

      Result occupied = coderoom(postgres, newMachine, "restore", archive.toString());
      assertThat(occupied.exit()).isNotZero();
      assertThat(occupied.output()).contains("holds 1 room and 1 account", "--force");

      Path serverPid = newMachine.resolve("run").resolve("server-8080.pid");
      Files.createDirectories(serverPid.getParent());
      Files.writeString(serverPid, ProcessHandle.current().pid() + "\n");
      Result running = coderoom(postgres, newMachine, "restore", archive.toString(), "--force");
      assertThat(running.exit()).isNotZero();
      assertThat(running.output()).contains("./coderoom down");
      Files.delete(serverPid);

      assertThat(contents(postgres)).isEqualTo(before);
      assertThat(tokenKeys(newMachine)).isNotEqualTo(keys);

      // The wipe, then the restore on the new machine.
      postgres.asSuperuser("DROP DATABASE coderoom WITH (FORCE)");
      Result restore = coderoom(postgres, newMachine, "restore", archive.toString());
      assertThat(restore.exit()).as(restore.output()).isZero();
      assertThat(restore.output()).contains("not in the archive", "Redis");
      assertThat(contents(postgres)).isEqualTo(before);
      assertThat(tokenKeys(newMachine)).isEqualTo(keys);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets(newMachine))))
          .isEqualTo("rw-------");

      try (CoderoomServer server = start(postgres, tokenKeys(newMachine))) {
        TestRoom restored =
            new TestRoom(server.baseUri(), room.id(), room.interviewer(), issued, room.observer());
        try (YClient candidate = restored.code(issued);
            YClient revoked = restored.code(room.candidate());
            ControlClient host =
                restored
                    .control(room.interviewer())
                    .allow("participant_joined", "participant_left")) {
          candidate.awaitSynced();
          assertThat(candidate.text()).isEqualTo(CODE);
          assertThat(revoked.awaitSyncedOrClosed())
              .as("the revoked link stays revoked")
              .hasValueSatisfying(
                  close ->
                      assertThat(close.code() + " " + close.reason())
                          .startsWith("4401 token_revoked"));
          assertThat(host.await("welcome").path("chat").path("messages").toString())
              .contains("Welcome, Sam.");
        }
        assertThat(
                new Http(server.baseUri()).get("/api/auth/session", "Cookie", cookie).statusCode())
            .as("the account's session")
            .isEqualTo(200);
      }
    }
  }

  private static CoderoomServer start(PrivatePostgres postgres, String keys) throws Exception {
    return TestServers.start(config(postgres, keys), InMemorySpanExporter.create());
  }

  private static ServerConfig config(PrivatePostgres postgres, String keys) {
    return TestServers.config()
        .with(
            c -> {
              c.databaseUrl = postgres.jdbcUrl();
              c.databaseUser = postgres.user();
              c.databasePassword = postgres.password();
              c.auth =
                  AuthConfig.fromEnv(
                      Map.of("CODEROOM_API_KEY", TestServers.API_KEY, "CODEROOM_TOKEN_KEYS", keys));
            });
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** A machine's state folder, with the token keys its first `up` generated. */
  private Path stateFolder(String name, String keys) throws Exception {
    Path folder = Files.createDirectories(temp.resolve(name));
    Files.writeString(folder.resolve("secrets.env"), "CODEROOM_TOKEN_KEYS=" + keys + "\n");
    return folder;
  }

  private static Path secrets(Path state) {
    return state.resolve("secrets.env");
  }

  private static String tokenKeys(Path state) throws Exception {
    return Files.readAllLines(secrets(state)).stream()
        .filter(line -> line.startsWith("CODEROOM_TOKEN_KEYS="))
        .map(line -> line.substring("CODEROOM_TOKEN_KEYS=".length()))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> secretsOtherThanTheKeys(Path state) throws Exception {
    return Files.readAllLines(secrets(state)).stream()
        .filter(line -> !line.startsWith("CODEROOM_TOKEN_KEYS="))
        .map(line -> line.substring(line.indexOf('=') + 1))
        .filter(secret -> !secret.isEmpty())
        .toList();
  }

  /**
   * Each table's rows ({@code "N rows, md5"} of their text forms in order) and each sequence's
   * value, read in one transaction.
   */
  private static Map<String, String> contents(PrivatePostgres postgres) throws Exception {
    Map<String, String> contents = new TreeMap<>();
    try (Connection connection =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      List<String> tables = new ArrayList<>();
      List<String> sequences = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid ="
                  + " c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S')")) {
        while (rows.next()) {
          (rows.getString(2).equals("r") ? tables : sequences).add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                    + " FROM public.\""
                    + table
                    + "\" t")) {
          rows.next();
          contents.put(table, rows.getLong(1) + " rows, " + rows.getString(2));
        }
      }
      for (String sequence : sequences) {
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT last_value, is_called FROM public.\"" + sequence + "\"")) {
          rows.next();
          contents.put(sequence, rows.getLong(1) + " " + rows.getBoolean(2));
        }
      }
      connection.rollback();
    }
    return contents;
  }

  private static String schemaVersion(PrivatePostgres postgres) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success"
                    + " ORDER BY installed_rank DESC LIMIT 1")) {
      rows.next();
      return rows.getString(1);
    }
  }

  record Result(int exit, String output) {}

  /**
   * Runs {@code ./coderoom ARGS} against the test's own cluster and state folder: a settings file
   * that does not exist (the checkout's coderoom.env is not the test's), the cluster's password (so
   * provisioning sets the password the role already has), and PGHOST, through which the superuser's
   * psql that provisions the database reaches the cluster's socket.
   */
  private Result coderoom(PrivatePostgres postgres, Path state, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(CODEROOM.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("CODEROOM_STATE_DIR", state.toString());
    env.put("CODEROOM_CONFIG", temp.resolve("no-coderoom.env").toString());
    env.put("CODEROOM_DB_HOST", "127.0.0.1");
    env.put("CODEROOM_DB_PORT", Integer.toString(postgres.port()));
    env.put("CODEROOM_DB_NAME", "coderoom");
    env.put("CODEROOM_DB_USER", postgres.user());
    env.put("CODEROOM_DB_PASSWORD", postgres.password());
    env.put("PGHOST", postgres.socketDirectory().toString());
    // As on an operator's machine, the keys come from the state folder's secrets.env.
    for (String configured :
        List.of("CODEROOM_TOKEN_KEYS", "CODEROOM_API_KEY", "CODEROOM_PUBLIC_URL", "PGPASSWORD")) {
      env.remove(configured);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./coderoom " + String.join(" ", args) + " hung:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
