package io.coderoom.server.account.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Objects;

/**
 * What this server needs from a provider's discovery document (OpenID Connect Discovery 1.0).
 *
 * @param issuer the issuer every ID token must name, equal to the configured one
 * @param authorizationEndpoint where the browser goes to sign in
 * @param tokenEndpoint where this server exchanges the code
 * @param jwksUri the provider's signing keys
 */
public record ProviderMetadata(
    URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {

  public ProviderMetadata {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(jwksUri, "jwksUri");
  }

  /** Where the discovery document of this issuer is. */
  public static URI discoveryUri(URI issuer) {
    return URI.create(
        issuer.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
  }

  /**
   * Reads a discovery document, which must name the configured issuer exactly (OpenID Connect
   * Discovery 1.0, section 4.3): a document naming another would let that issuer's tokens in.
   */
  public static ProviderMetadata parse(JsonNode document, URI configuredIssuer)
      throws SignInRefused {
    String issuer = text(document, "issuer");
    if (!issuer.equals(configuredIssuer.toString())) {
      throw SignInRefusal.PROVIDER_UNREACHABLE.because(
          "the discovery document names issuer '"
              + issuer
              + "', not the configured '"
              + configuredIssuer
              + "'");
    }
    if (document.has("code_challenge_methods_supported")
        && !document.path("code_challenge_methods_supported").toString().contains("\"S256\"")) {
      throw SignInRefusal.PROVIDER_UNREACHABLE.because(
          "the provider does not offer PKCE with S256");
    }
    return new ProviderMetadata(
        configuredIssuer,
        endpoint(document, "authorization_endpoint"),
        endpoint(document, "token_endpoint"),
        endpoint(document, "jwks_uri"));
  }

  private static String text(JsonNode document, String field) throws SignInRefused {
    JsonNode value = document.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw SignInRefusal.PROVIDER_UNREACHABLE.because("the discovery document has no " + field);
    }
    return value.asText();
  }

  private static URI endpoint(JsonNode document, String field) throws SignInRefused {
    String value = text(document, field);
    try {
      URI uri = URI.create(value);
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw SignInRefusal.PROVIDER_UNREACHABLE.because(
          "the discovery document's " + field + " is not a URL: " + value);
    }
  }
}
