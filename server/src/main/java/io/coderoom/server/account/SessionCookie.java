package io.coderoom.server.account;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/** The session cookie, sent on every path of the site (see {@link Cookies} for its flags). */
public final class SessionCookie {
  public static final String NAME = "coderoom_session";

  private SessionCookie() {}

  /** The session secret a request carries, if any. */
  public static Optional<String> read(HttpHeaders headers) {
    return Cookies.read(headers, NAME);
  }

  /** The {@code Set-Cookie} value that starts a session. */
  public static String set(String secret, Duration maxAge, boolean secure) {
    return Cookies.set(NAME, secret, "/", maxAge.toSeconds(), secure);
  }

  /** The {@code Set-Cookie} value that removes the cookie. */
  public static String clear(boolean secure) {
    return Cookies.set(NAME, "", "/", 0, secure);
  }
}
