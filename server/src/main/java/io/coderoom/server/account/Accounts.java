package io.coderoom.server.account;

import io.coderoom.server.room.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Users, their teams, and what a one-time link grants. Blocks on the database: run it off the event
 * loops.
 */
public final class Accounts {
  /** The name of the team a setup link creates when it names none. */
  public static final String DEFAULT_TEAM_NAME = "Coderoom";

  public static final int MAX_NAME = 80;

  private final Jdbi jdbi;
  private final Clock clock;

  public Accounts(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** True once anyone has an account: a fresh installation has none. */
  public boolean anyUser() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM users)").mapTo(Boolean.class).one());
  }

  public Optional<User> findUser(String id) {
    return jdbi.withHandle(h -> findUser(h, id));
  }

  public static Optional<User> findUser(Handle h, String id) {
    return h.createQuery("SELECT * FROM users WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> user(rs))
        .findOne();
  }

  public Optional<User> findUserByEmail(String email) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM users WHERE lower(email) = lower(:email)")
                .bind("email", email)
                .map((rs, ctx) -> user(rs))
                .findOne());
  }

  /** The user's team (one per user for now: the first they joined). */
  public Optional<Membership> membership(String userId) {
    return jdbi.withHandle(h -> membership(h, userId));
  }

  public static Optional<Membership> membership(Handle h, String userId) {
    return h.createQuery(
            "SELECT m.team_id, t.name, m.role FROM team_members m JOIN teams t ON t.id = m.team_id"
                + " WHERE m.user_id = :userId ORDER BY m.joined_at LIMIT 1")
        .bind("userId", userId)
        .map(
            (rs, ctx) ->
                new Membership(
                    rs.getString("team_id"),
                    rs.getString("name"),
                    TeamRole.fromWireName(rs.getString("role")).orElseThrow()))
        .findOne();
  }

  /** The team's name, if the team exists. */
  public Optional<String> teamName(String teamId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT name FROM teams WHERE id = :id")
                .bind("id", teamId)
                .mapTo(String.class)
                .findOne());
  }

  /** A member and their role, for the team's page. */
  public record Member(User user, TeamRole role, Instant joinedAt) {}

  public List<Member> members(String teamId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.*, m.role, m.joined_at FROM team_members m JOIN users u ON u.id ="
                        + " m.user_id WHERE m.team_id = :teamId ORDER BY m.joined_at")
                .bind("teamId", teamId)
                .map(
                    (rs, ctx) ->
                        new Member(
                            user(rs),
                            TeamRole.fromWireName(rs.getString("role")).orElseThrow(),
                            rs.getTimestamp("joined_at").toInstant()))
                .list());
  }

  /**
   * Grants what the link says, in the caller's transaction (the one that consumed the link and
   * attaches the credential): a setup link makes a team and its owner, an invitation a member of
   * its team, a recovery link returns its user.
   *
   * @param name the new person's name (ignored for recovery)
   * @param email their address, when a provider vouches for it
   * @throws IllegalStateException when a recovery link's user no longer exists
   */
  public User claim(Handle h, OneTimeLink link, String name, Optional<String> email) {
    return switch (link.purpose()) {
      case RECOVERY ->
          findUser(h, link.userId().orElseThrow())
              .orElseThrow(() -> new IllegalStateException("the account no longer exists"));
      case SETUP -> {
        String teamId = Ids.random();
        h.createUpdate("INSERT INTO teams (id, name, created_at) VALUES (:id, :name, :now)")
            .bind("id", teamId)
            .bind("name", link.teamName().orElse(DEFAULT_TEAM_NAME))
            .bind("now", Timestamp.from(clock.instant()))
            .execute();
        User user = createUser(h, name, email);
        join(h, teamId, user.id(), TeamRole.OWNER);
        yield user;
      }
      case INVITATION -> {
        User user = createUser(h, name, email.or(link::email));
        join(h, link.teamId().orElseThrow(), user.id(), link.role().orElse(TeamRole.INTERVIEWER));
        yield user;
      }
    };
  }

  /**
   * Makes a new user a member of a team, in the caller's transaction: for sign-in methods that let
   * people join without a link, such as a provider's verified email at an allowed domain.
   */
  public User addMember(
      Handle h, String teamId, String name, Optional<String> email, TeamRole role) {
    User user = createUser(h, name, email);
    join(h, teamId, user.id(), role);
    return user;
  }

  private User createUser(Handle h, String name, Optional<String> email) {
    User user = new User(Ids.random(), name, email, clock.instant());
    h.createUpdate(
            "INSERT INTO users (id, name, email, created_at) VALUES (:id, :name, :email, :at)")
        .bind("id", user.id())
        .bind("name", user.name())
        .bind("email", email.orElse(null))
        .bind("at", Timestamp.from(user.createdAt()))
        .execute();
    return user;
  }

  private void join(Handle h, String teamId, String userId, TeamRole role) {
    h.createUpdate(
            "INSERT INTO team_members (team_id, user_id, role, joined_at)"
                + " VALUES (:teamId, :userId, :role, :at)")
        .bind("teamId", teamId)
        .bind("userId", userId)
        .bind("role", role.wireName())
        .bind("at", Timestamp.from(clock.instant()))
        .execute();
  }

  static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("name"),
        Optional.ofNullable(rs.getString("email")),
        rs.getTimestamp("created_at").toInstant());
  }
}
