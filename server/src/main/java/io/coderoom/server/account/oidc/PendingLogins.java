package io.coderoom.server.account.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins under way, held by this server (never in the browser): each is taken once, expires after
 * a few minutes, and their number is bounded so a flood of starts cannot fill the memory. A login
 * started on one server instance finishes on the same one, which holds for a single instance or
 * sticky sessions; the provider's redirect carries nothing but the state.
 */
public final class PendingLogins {
  /** How long a person may spend at the provider's login page. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  private final Map<String, PendingLogin> byState = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int capacity;

  public PendingLogins(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  /** Holds a new login; refused when {@code capacity} unexpired logins are already waiting. */
  public void add(PendingLogin login) throws SignInRefused {
    if (byState.size() >= capacity) {
      Instant now = clock.instant();
      byState.values().removeIf(waiting -> expired(waiting, now));
      if (byState.size() >= capacity) {
        throw SignInRefusal.BUSY.because(capacity + " sign-ins are already under way");
      }
    }
    byState.put(login.state(), login);
  }

  /**
   * Takes the login this state names, once: a second callback with the same state finds nothing.
   *
   * @param browserBinding the binding cookie the callback's browser sent, if any
   */
  public PendingLogin take(String state, Optional<String> browserBinding) throws SignInRefused {
    PendingLogin login = byState.remove(state);
    if (login == null) {
      throw SignInRefusal.STATE_UNKNOWN.because("no sign-in under way has this state");
    }
    if (expired(login, clock.instant())) {
      throw SignInRefusal.LOGIN_EXPIRED.because("the sign-in started at " + login.startedAt());
    }
    boolean sameBrowser =
        browserBinding
            .map(
                cookie ->
                    MessageDigest.isEqual(
                        hash(cookie).getBytes(StandardCharsets.US_ASCII),
                        login.browserBinding().getBytes(StandardCharsets.US_ASCII)))
            .orElse(false);
    if (!sameBrowser) {
      throw SignInRefusal.BROWSER_MISMATCH.because(
          browserBinding.isEmpty()
              ? "the callback came without the binding cookie"
              : "the callback's binding cookie is another browser's");
    }
    return login;
  }

  /** How many logins are waiting, expired ones included until they are swept. */
  public int size() {
    return byState.size();
  }

  /** Drops expired logins (the housekeeping calls it now and then). */
  public void sweep() {
    Instant now = clock.instant();
    byState.values().removeIf(waiting -> expired(waiting, now));
  }

  /** Replaces a waiting login, for tests that play a provider mixing up sign-ins. */
  void replace(PendingLogin login) {
    byState.replace(login.state(), login);
  }

  Optional<PendingLogin> peek(String state) {
    return Optional.ofNullable(byState.get(state));
  }

  /** What a login keeps of its browser's binding cookie. */
  static String hash(String bindingCookie) {
    return Pkce.base64Url(Pkce.sha256(bindingCookie));
  }

  private static boolean expired(PendingLogin login, Instant now) {
    return !now.isBefore(login.startedAt().plus(LIFETIME));
  }
}
