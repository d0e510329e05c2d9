package io.coderoom.server.account.oidc;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.Optional;

/**
 * The cookie that ties a sign-in to the browser that started it, so a callback URL sent to someone
 * else (login CSRF: signing a victim in as the attacker) finds no matching sign-in. {@code
 * SameSite=Lax} still lets the provider's top-level redirect carry it; it lives as long as a
 * sign-in may wait and is only sent to the sign-in endpoints.
 */
public final class BindingCookie {
  public static final String NAME = "coderoom_oidc";
  private static final String PATH = "/api/auth/oidc";

  private BindingCookie() {}

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

  public static String set(String value, boolean secure) {
    return encode(value, PendingLogins.LIFETIME.toSeconds(), secure);
  }

  public static String clear(boolean secure) {
    return encode("", 0, secure);
  }

  private static String encode(String value, long maxAgeSeconds, boolean secure) {
    DefaultCookie cookie = new DefaultCookie(NAME, value);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.Lax);
    cookie.setSecure(secure);
    cookie.setPath(PATH);
    cookie.setMaxAge(maxAgeSeconds);
    return ServerCookieEncoder.STRICT.encode(cookie);
  }
}
