package io.coderoom.server.account.oidc;

import io.coderoom.server.account.AccountAudit;
import io.coderoom.server.account.Accounts;
import io.coderoom.server.account.Membership;
import io.coderoom.server.account.OneTimeLink;
import io.coderoom.server.account.OneTimeLinks;
import io.coderoom.server.account.Sessions;
import io.coderoom.server.account.TeamRole;
import io.coderoom.server.account.User;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a provider's person is here, and their session. A person the provider names is, in order: the
 * account their identity was linked to before; what the one-time link they started from grants
 * (setup, invitation or recovery); the account whose email matches their verified email; or, when
 * auto-join is on, a new interviewer of the team if their verified email is at an allowed domain.
 * Anyone else is refused. All of it happens in one transaction with the session's start, so a
 * failure uses no link and leaves no half-made account.
 */
public final class OidcSignIn {
  private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
  private static final String METHOD = "oidc";

  private final Jdbi jdbi;
  private final Accounts accounts;
  private final OneTimeLinks links;
  private final Sessions sessions;
  private final OidcConfig config;
  private final Clock clock;

  public OidcSignIn(
      Jdbi jdbi,
      Accounts accounts,
      OneTimeLinks links,
      Sessions sessions,
      OidcConfig config,
      Clock clock) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.links = links;
    this.sessions = sessions;
    this.config = config;
    this.clock = clock;
  }

  /**
   * A signed-in person.
   *
   * @param user who
   * @param team their team
   * @param session the session started for them
   */
  public record Result(User user, Membership team, Sessions.Started session) {}

  /** Finds or makes the person's account and starts their session. */
  public Result signIn(OidcClient.Finished finished, String userAgent) throws SignInRefused {
    IdTokenClaims person = finished.claims();
    try {
      return jdbi.inTransaction(
          h -> {
            Resolved resolved = resolve(h, person, finished.link());
            Membership team =
                Accounts.membership(h, resolved.user().id())
                    .orElseThrow(
                        () ->
                            new Refusal(
                                SignInRefusal.NOT_INVITED.because("the account has no team")));
            Sessions.Started session = sessions.start(h, resolved.user().id(), userAgent);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("method", METHOD);
            detail.put("issuer", person.issuer());
            detail.put("by", resolved.by());
            detail.put("sessionId", session.id());
            AccountAudit.record(
                h,
                Optional.of(team.teamId()),
                AccountAudit.actor(resolved.user()),
                "signed_in",
                detail);
            return new Result(resolved.user(), team, session);
          });
    } catch (Refusal refusal) {
      throw refusal.refused;
    }
  }

  /** Whether a one-time link can still be claimed (it may be used by someone else meanwhile). */
  public boolean linkUsable(String token) {
    return links.peek(token).isPresent();
  }

  /** Records a sign-in that failed, with the reason's code (never what the provider sent). */
  public void recordFailure(SignInRefused refused) {
    try {
      AccountAudit.record(
          jdbi,
          Optional.empty(),
          "anonymous",
          "sign_in_failed",
          Map.of("method", METHOD, "reason", refused.reason().code()));
    } catch (RuntimeException e) {
      log.warn("could not record a failed sign-in in the audit log", e);
    }
  }

  /** The account, and how it was found: identity, link, email or auto-join. */
  private record Resolved(User user, String by) {}

  private Resolved resolve(Handle h, IdTokenClaims person, Optional<String> linkToken) {
    Optional<String> linked = OidcIdentities.use(h, person, clock.instant());
    if (linked.isPresent()) {
      User user =
          Accounts.findUser(h, linked.get())
              .orElseThrow(() -> new IllegalStateException("an identity without its account"));
      return new Resolved(user, "identity");
    }
    if (linkToken.isPresent()) {
      OneTimeLink link =
          links
              .consume(h, linkToken.get(), "oidc:" + person.issuer())
              .orElseThrow(
                  () ->
                      new Refusal(
                          SignInRefusal.LINK_INVALID.because(
                              "the one-time link is used, expired or unknown")));
      Optional<String> email = person.verifiedEmail().filter(e -> !emailTaken(h, e));
      User user = accounts.claim(h, link, displayName(person), email);
      OidcIdentities.link(h, person, user.id(), clock.instant());
      return new Resolved(user, "link:" + link.purpose().wireName());
    }
    Optional<String> email = person.verifiedEmail();
    if (email.isPresent()) {
      Optional<User> existing = userByEmail(h, email.get());
      if (existing.isPresent()) {
        OidcIdentities.link(h, person, existing.get().id(), clock.instant());
        return new Resolved(existing.get(), "email");
      }
      if (config.mayJoin(email.get())) {
        Optional<String> team = firstTeam(h);
        if (team.isPresent()) {
          User user =
              accounts.addMember(h, team.get(), displayName(person), email, TeamRole.INTERVIEWER);
          OidcIdentities.link(h, person, user.id(), clock.instant());
          return new Resolved(user, "auto-join");
        }
      }
    } else if (person.email().isPresent()) {
      throw new Refusal(
          SignInRefusal.EMAIL_UNVERIFIED.because(
              "a first sign-in without a link needs a verified email"));
    }
    throw new Refusal(
        SignInRefusal.NOT_INVITED.because("no account, link or allowed domain for this person"));
  }

  private static boolean emailTaken(Handle h, String email) {
    return userByEmail(h, email).isPresent();
  }

  private static Optional<User> userByEmail(Handle h, String email) {
    return h.createQuery("SELECT id FROM users WHERE lower(email) = lower(:email)")
        .bind("email", email)
        .mapTo(String.class)
        .findOne()
        .flatMap(id -> Accounts.findUser(h, id));
  }

  /** The team people join by themselves: the first one made (one team per server for now). */
  private static Optional<String> firstTeam(Handle h) {
    return h.createQuery("SELECT id FROM teams ORDER BY created_at, id LIMIT 1")
        .mapTo(String.class)
        .findOne();
  }

  private static String displayName(IdTokenClaims person) {
    String name =
        person
            .name()
            .or(() -> person.email().map(e -> e.substring(0, e.indexOf('@'))))
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .orElse("Interviewer");
    return name.length() > Accounts.MAX_NAME ? name.substring(0, Accounts.MAX_NAME) : name;
  }

  /** Carries a refusal out of the transaction, rolling it back. */
  private static final class Refusal extends RuntimeException {
    private final SignInRefused refused;

    Refusal(SignInRefused refused) {
      super(refused.getMessage(), null, false, false);
      this.refused = refused;
    }
  }
}
