package io.coderoom.server.account;

import io.coderoom.runner.protocol.Setting;
import io.coderoom.server.ServerSettings;
import io.coderoom.server.account.oidc.OidcConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How accounts behave.
 *
 * @param sessionIdle {@code CODEROOM_SESSION_IDLE_HOURS}: a session unused this long ends, default
 *     12
 * @param sessionMax {@code CODEROOM_SESSION_MAX_DAYS}: a session ends this long after sign-in
 *     however used, default 7
 * @param allowedOrigins {@code CODEROOM_ALLOWED_ORIGINS}: origins besides the public URL's whose
 *     pages may send cookie-carrying requests and open sockets (comma-separated, such as {@code
 *     https://coderoom.example.com}); default none
 * @param oidc sign-in with an OpenID Connect provider ({@code CODEROOM_OIDC_*}), off by default
 */
public record AccountConfig(
    Duration sessionIdle, Duration sessionMax, List<URI> allowedOrigins, OidcConfig oidc) {
  public AccountConfig {
    Objects.requireNonNull(sessionIdle, "sessionIdle");
    Objects.requireNonNull(sessionMax, "sessionMax");
    allowedOrigins = List.copyOf(allowedOrigins);
    Objects.requireNonNull(oidc, "oidc");
  }

  /** The same settings with another provider configuration. */
  public AccountConfig withOidc(OidcConfig other) {
    return new AccountConfig(sessionIdle, sessionMax, allowedOrigins, other);
  }

  public static AccountConfig fromEnv(Map<String, String> env) {
    List<URI> origins = new ArrayList<>();
    for (String origin : ServerSettings.ALLOWED_ORIGINS.read(env).split(",")) {
      if (!origin.isBlank()) {
        URI uri = URI.create(origin.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new IllegalArgumentException(
              "CODEROOM_ALLOWED_ORIGINS must list origins such as https://host[:port], was '"
                  + origin.trim()
                  + "'");
        }
        origins.add(uri);
      }
    }
    return new AccountConfig(
        Duration.ofHours(positive(env, ServerSettings.SESSION_IDLE_HOURS)),
        Duration.ofDays(positive(env, ServerSettings.SESSION_MAX_DAYS)),
        origins,
        OidcConfig.fromEnv(env));
  }

  private static long positive(Map<String, String> env, Setting setting) {
    String name = setting.name();
    String value = setting.read(env).trim();
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 1) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number of at least 1, was '" + value + "'");
    }
  }
}
