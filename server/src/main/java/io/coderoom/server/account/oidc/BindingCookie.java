package io.coderoom.server.account.oidc;

import io.coderoom.server.account.Cookies;
import io.netty.handler.codec.http.HttpHeaders;
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
    return Cookies.read(headers, NAME);
  }

  public static String set(String value, boolean secure) {
    return Cookies.set(NAME, value, PATH, PendingLogins.LIFETIME.toSeconds(), secure);
  }

  public static String clear(boolean secure) {
    return Cookies.set(NAME, "", PATH, 0, secure);
  }
}
