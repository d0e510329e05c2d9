package io.coderoom.server.account.oidc;

import io.coderoom.runner.protocol.Setting;
import io.coderoom.server.ServerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sign-in with an OpenID Connect provider, off unless an issuer is set.
 *
 * @param issuer {@code CODEROOM_OIDC_ISSUER}: the provider's issuer URL, exactly as its discovery
 *     document names it; the provider is found at {@code {issuer}/.well-known/openid-configuration}
 * @param clientId {@code CODEROOM_OIDC_CLIENT_ID}: this server's client at the provider
 * @param clientSecret {@code CODEROOM_OIDC_CLIENT_SECRET}: the client's secret; empty for a public
 *     client, which PKCE alone protects
 * @param name {@code CODEROOM_OIDC_NAME}: the provider's name on the sign-in button, default
 *     "Single sign-on"
 * @param scopes {@code CODEROOM_OIDC_SCOPES}: space-separated, default {@code openid email profile}
 * @param autoJoin {@code CODEROOM_OIDC_AUTO_JOIN}: {@code off} (default): a first sign-in needs a
 *     one-time link or a verified email of an existing account; {@code interviewer}: a person with
 *     a verified email at one of the allowed domains joins the team as an interviewer
 * @param allowedDomains {@code CODEROOM_OIDC_ALLOWED_DOMAINS}: comma-separated email domains that
 *     may join by themselves when auto-join is on
 */
public record OidcConfig(
    Optional<URI> issuer,
    String clientId,
    Optional<String> clientSecret,
    String name,
    List<String> scopes,
    AutoJoin autoJoin,
    Set<String> allowedDomains) {

  /** Who may sign in the first time without a one-time link. */
  public enum AutoJoin {
    /** Nobody: a link, or a verified email an account already has. */
    OFF,
    /** A verified email at an allowed domain joins the team as an interviewer. */
    INTERVIEWER
  }

  public OidcConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(name, "name");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(autoJoin, "autoJoin");
    allowedDomains = Set.copyOf(allowedDomains);
    if (issuer.isPresent()) {
      if (clientId.isBlank()) {
        throw new IllegalArgumentException(
            "CODEROOM_OIDC_CLIENT_ID must be set when CODEROOM_OIDC_ISSUER is");
      }
      if (!scopes.contains("openid")) {
        throw new IllegalArgumentException(
            "CODEROOM_OIDC_SCOPES must include openid, was '" + String.join(" ", scopes) + "'");
      }
      if (autoJoin == AutoJoin.INTERVIEWER && allowedDomains.isEmpty()) {
        throw new IllegalArgumentException(
            "CODEROOM_OIDC_AUTO_JOIN=interviewer needs CODEROOM_OIDC_ALLOWED_DOMAINS (for example"
                + " example.com), or anyone with an account at the provider could join");
      }
    }
  }

  /** Sign-in with a provider turned off. */
  public static OidcConfig disabled() {
    return new OidcConfig(
        Optional.empty(),
        "",
        Optional.empty(),
        "Single sign-on",
        List.of("openid", "email", "profile"),
        AutoJoin.OFF,
        Set.of());
  }

  public boolean enabled() {
    return issuer.isPresent();
  }

  public static OidcConfig fromEnv(Map<String, String> env) {
    Optional<URI> issuer = value(env, ServerSettings.OIDC_ISSUER).map(OidcConfig::issuerUri);
    return new OidcConfig(
        issuer,
        value(env, ServerSettings.OIDC_CLIENT_ID).orElse(""),
        value(env, ServerSettings.OIDC_CLIENT_SECRET),
        value(env, ServerSettings.OIDC_NAME).orElse(ServerSettings.OIDC_NAME.defaultValue()),
        Arrays.asList(
            value(env, ServerSettings.OIDC_SCOPES)
                .orElse(ServerSettings.OIDC_SCOPES.defaultValue())
                .split("\\s+")),
        autoJoin(
            value(env, ServerSettings.OIDC_AUTO_JOIN)
                .orElse(ServerSettings.OIDC_AUTO_JOIN.defaultValue())),
        value(env, ServerSettings.OIDC_ALLOWED_DOMAINS).stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .map(domain -> domain.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
            .filter(domain -> !domain.isEmpty())
            .collect(Collectors.toSet()));
  }

  /** Whether a first-time person with this verified email may join without a link. */
  public boolean mayJoin(String verifiedEmail) {
    if (autoJoin != AutoJoin.INTERVIEWER) {
      return false;
    }
    int at = verifiedEmail.lastIndexOf('@');
    return at > 0
        && allowedDomains.contains(verifiedEmail.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  private static Optional<String> value(Map<String, String> env, Setting setting) {
    return setting.value(env).map(String::trim);
  }

  private static URI issuerUri(String value) {
    try {
      URI uri = new URI(value);
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "CODEROOM_OIDC_ISSUER must be an http(s) URL such as"
                + " https://login.example.com/realms/acme, was '"
                + value
                + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "CODEROOM_OIDC_ISSUER is not a URL: '" + value + "' (" + e.getReason() + ")");
    }
  }

  private static AutoJoin autoJoin(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "off", "none", "no" -> AutoJoin.OFF;
      case "interviewer" -> AutoJoin.INTERVIEWER;
      default ->
          throw new IllegalArgumentException(
              "CODEROOM_OIDC_AUTO_JOIN must be off or interviewer, was '" + value + "'");
    };
  }
}
