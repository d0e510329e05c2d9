package io.coderoom.server.account;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.time.Duration;
import java.util.Optional;

/**
 * The session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (other sites'
 * forms and fetches do not carry it; top-level links still do, hence the Origin checks on every
 * state-changing request), {@code Secure} when the public URL is https, and {@code Path=/}.
 */
public final class SessionCookie {
  public static final String NAME = "coderoom_session";

  private SessionCookie() {}

  /** The session secret a request carries, if any. */
  public static Optional<String> read(HttpHeaders headers) {
    for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
      for (Cookie cookie : ServerCookieDecoder.STRICT.decodeAll(header)) {
        if (cookie.name().equals(NAME) && !cookie.value().isEmpty()) {
          return Optional.of(cookie.value());
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code Set-Cookie} value that starts a session. */
  public static String set(String secret, Duration maxAge, boolean secure) {
    return encode(secret, Math.max(0, maxAge.toSeconds()), secure);
  }

  /** The {@code Set-Cookie} value that removes the cookie. */
  public static String clear(boolean secure) {
    return encode("", 0, secure);
  }

  private static String encode(String value, long maxAgeSeconds, boolean secure) {
    DefaultCookie cookie = new DefaultCookie(NAME, value);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.Lax);
    cookie.setSecure(secure);
    cookie.setPath("/");
    cookie.setMaxAge(maxAgeSeconds);
    return ServerCookieEncoder.STRICT.encode(cookie);
  }
}
