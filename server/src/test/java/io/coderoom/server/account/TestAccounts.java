package io.coderoom.server.account;

import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Accounts for integration tests, made the way a one-time link makes them (consumed in the same
 * transaction that starts the session), against the test database: what a passkey or OIDC sign-in
 * ends in, without a browser. The browser tests sign in for real.
 */
public final class TestAccounts implements AutoCloseable {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Database database;
  private final Accounts accounts;
  private final OneTimeLinks links;
  private final Sessions sessions;

  public TestAccounts() {
    this(TestServers.config());
  }

  /** Accounts in the database of the given configuration (a test's private PostgreSQL). */
  public TestAccounts(ServerConfig config) {
    database =
        Database.open(
            config.databaseUrl(),
            config.databaseUser(),
            config.databasePassword(),
            Duration.ofSeconds(10),
            new SimpleMeterRegistry(),
            executor);
    Clock clock = Clock.systemUTC();
    accounts = new Accounts(database.jdbi(), clock);
    links = new OneTimeLinks(database.jdbi(), clock);
    sessions =
        new Sessions(
            database.jdbi(),
            clock,
            config.accounts().sessionIdle(),
            config.accounts().sessionMax());
  }

  /**
   * A signed-in person.
   *
   * @param user who
   * @param team their team
   * @param cookie the {@code Cookie} header value that signs them in
   */
  public record Person(User user, Membership team, String cookie) {}

  /** The owner of a new team. */
  public Person owner(String name) {
    return claim(OneTimeLinks.Grant.setup(Optional.of(name + "'s team")), name);
  }

  /** A new member of the person's team. */
  public Person member(Person of, String name, TeamRole role) {
    return claim(OneTimeLinks.Grant.invitation(of.team(), role, Optional.empty()), name);
  }

  private Person claim(OneTimeLinks.Grant grant, String name) {
    OneTimeLinks.Issued issued =
        links.issue(grant, "test", Duration.ofMinutes(5), URI.create("http://127.0.0.1"));
    return database
        .jdbi()
        .inTransaction(
            h -> {
              OneTimeLink link = links.consume(h, issued.token(), "test").orElseThrow();
              User user = accounts.claim(h, link, name, Optional.empty());
              Sessions.Started session = sessions.start(h, user.id(), "test");
              Membership team = Accounts.membership(h, user.id()).orElseThrow();
              return new Person(user, team, SessionCookie.NAME + "=" + session.secret());
            });
  }

  /** Another session of the same person, as from a second browser. */
  public String anotherSession(Person person) {
    return SessionCookie.NAME + "=" + sessions.start(person.user().id(), "test").secret();
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
    executor.close();
  }
}
