package io.coderoom.server.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  private static PendingLogin login(String state, String binding, Instant at) {
    return new PendingLogin(
        state,
        "nonce-" + state,
        Pkce.generate(),
        PendingLogins.hash(binding),
        Optional.empty(),
        at);
  }

  private static SignInRefusal reason(ThrowingRunnable call) {
    try {
      call.run();
    } catch (SignInRefused refused) {
      return refused.reason();
    }
    throw new AssertionError("not refused");
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws SignInRefused;
  }

  @Test
  void aLoginIsTakenOnceAndOnlyByItsBrowser() throws SignInRefused {
    PendingLogins logins = new PendingLogins(Clock.fixed(START, ZoneOffset.UTC), 10);
    logins.add(login("s1", "cookie-1", START));
    assertThat(logins.take("s1", Optional.of("cookie-1")).nonce()).isEqualTo("nonce-s1");
    assertThat(reason(() -> logins.take("s1", Optional.of("cookie-1"))))
        .isEqualTo(SignInRefusal.STATE_UNKNOWN);

    logins.add(login("s2", "cookie-2", START));
    assertThat(reason(() -> logins.take("s2", Optional.of("cookie-1"))))
        .isEqualTo(SignInRefusal.BROWSER_MISMATCH);
    // A refused attempt spends the login too: it cannot be tried again with another cookie.
    assertThat(reason(() -> logins.take("s2", Optional.of("cookie-2"))))
        .isEqualTo(SignInRefusal.STATE_UNKNOWN);
  }

  @Test
  void aLoginExpiresAfterItsLifetime() throws SignInRefused {
    PendingLogins logins =
        new PendingLogins(Clock.fixed(START.plus(PendingLogins.LIFETIME), ZoneOffset.UTC), 10);
    logins.add(login("old", "c", START));
    assertThat(reason(() -> logins.take("old", Optional.of("c"))))
        .isEqualTo(SignInRefusal.LOGIN_EXPIRED);
  }

  @Test
  void theStoreIsBoundedAndMakesRoomByDroppingExpiredLogins() throws SignInRefused {
    Instant now = START.plus(PendingLogins.LIFETIME).plusSeconds(1);
    PendingLogins logins = new PendingLogins(Clock.fixed(now, ZoneOffset.UTC), 3);
    logins.add(login("a", "c", START));
    logins.add(login("b", "c", now));
    logins.add(login("c", "c", now));
    // Full, but "a" has expired: it makes room.
    logins.add(login("d", "c", now));
    assertThat(logins.size()).isEqualTo(3);
    assertThat(reason(() -> logins.add(login("e", "c", now)))).isEqualTo(SignInRefusal.BUSY);
    assertThat(logins.take("d", Optional.of("c")).state()).isEqualTo("d");
    logins.add(login("e", "c", now.plus(Duration.ofSeconds(1))));
  }
}
