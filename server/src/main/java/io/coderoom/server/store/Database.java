package io.coderoom.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coderoom.server.api.ReadinessCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database: a Hikari pool, the schema brought up to date by Flyway at start, and
 * Jdbi for queries. Every call blocks, so callers run it on {@link #executor()}, never on an event
 * loop.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final Duration RETRY = Duration.ofMillis(500);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Executor executor;

  private Database(HikariDataSource dataSource, Executor executor) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    // Every string any store binds can be stored, whatever a program printed or a client sent.
    jdbi.registerArgument(StoredText.ARGUMENTS);
    // A failed statement's message would carry its arguments (candidates' code and output) into
    // the log; the database's own message says what went wrong.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    this.executor = executor;
  }

  /**
   * Connects, waiting up to {@code startupTimeout} for PostgreSQL to answer, then migrates the
   * schema.
   *
   * @throws IllegalStateException if PostgreSQL did not answer in time or a migration failed
   */
  public static Database open(
      String url,
      String user,
      String password,
      Duration startupTimeout,
      MeterRegistry meters,
      Executor executor) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("coderoom-db");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    // The document log inserts in batches; sent as multi-row INSERTs they cost PostgreSQL and the
    // driver a fraction of one statement per row.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // Nor may the driver quote rows or batched parameters in its errors (the same data).
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.setMaximumPoolSize(10);
    config.setConnectionTimeout(2_000);
    // Start even while PostgreSQL is still coming up; waitUntilReachable decides how long to wait.
    config.setInitializationFailTimeout(-1);
    config.setMetricRegistry(meters);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      waitUntilReachable(dataSource, url, startupTimeout);
      MigrateResult result =
          Flyway.configure()
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "database schema migrated to version {} ({} migrations applied)",
            result.targetSchemaVersion,
            result.migrationsExecuted);
      } else {
        log.info("database schema is up to date");
      }
      return new Database(dataSource, executor);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static void waitUntilReachable(
      HikariDataSource dataSource, String url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        connection.isValid(2);
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "PostgreSQL at "
                  + url
                  + " did not answer within "
                  + timeout.toSeconds()
                  + " s: "
                  + e.getMessage()
                  + " (is it running? `./coderoom up` starts it)",
              e);
        }
        log.info("waiting for PostgreSQL at {}: {}", url, e.getMessage());
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for PostgreSQL", interrupted);
        }
      }
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Where blocking database calls run: virtual threads, never an event loop. */
  public Executor executor() {
    return executor;
  }

  /** Ready when a query round-trips. */
  public ReadinessCheck readinessCheck() {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return "postgres";
      }

      @Override
      public CompletionStage<?> check() {
        return CompletableFuture.supplyAsync(
            () ->
                jdbi.withHandle(
                    handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()),
            executor);
      }
    };
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
