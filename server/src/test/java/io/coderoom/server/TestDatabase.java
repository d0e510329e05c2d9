package io.coderoom.server;

import io.coderoom.server.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;

/**
 * The test configuration's PostgreSQL, opened as the server opens it (migrated, on virtual threads)
 * for a test that works on the store classes directly; closing it closes the pool and its threads.
 */
public final class TestDatabase implements AutoCloseable {
  private final ExecutorService executor;
  private final Database database;

  private TestDatabase(ExecutorService executor, Database database) {
    this.executor = executor;
    this.database = database;
  }

  public static TestDatabase open() {
    ServerConfig config = TestServers.config();
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    return new TestDatabase(
        executor,
        Database.open(
            config.databaseUrl(),
            config.databaseUser(),
            config.databasePassword(),
            Duration.ofSeconds(10),
            new SimpleMeterRegistry(),
            executor));
  }

  public Jdbi jdbi() {
    return database.jdbi();
  }

  @Override
  public void close() {
    database.close();
    executor.close();
  }
}
