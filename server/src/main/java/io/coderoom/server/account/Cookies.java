package io.coderoom.server.account;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.Optional;

/**
 * The server's cookies, all alike: {@code HttpOnly} (no script reads them) and {@code SameSite=Lax}
 * (other sites' forms and fetches do not carry them; top-level links still do, hence the Origin
 * checks on every state-changing request), {@code Secure} when the public URL is https.
 */
public final class Cookies {
  private Cookies() {}

  /** The value of the named cookie a request carries, if any. */
  public static Optional<String> read(HttpHeaders headers, String name) {
    for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
      for (Cookie cookie : ServerCookieDecoder.STRICT.decodeAll(header)) {
        if (cookie.name().equals(name) && !cookie.value().isEmpty()) {
          return Optional.of(cookie.value());
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code Set-Cookie} value; a max age of 0 with an empty value removes the cookie. */
  public static String set(
      String name, String value, String path, long maxAgeSeconds, boolean secure) {
    DefaultCookie cookie = new DefaultCookie(name, value);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.Lax);
    cookie.setSecure(secure);
    cookie.setPath(path);
    cookie.setMaxAge(Math.max(0, maxAgeSeconds));
    return ServerCookieEncoder.STRICT.encode(cookie);
  }
}
