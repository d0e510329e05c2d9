package io.coderoom.server.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcConfigTest {
  @Test
  void offByDefault() {
    OidcConfig config = OidcConfig.fromEnv(Map.of());
    assertThat(config.enabled()).isFalse();
    assertThat(config.scopes()).containsExactly("openid", "email", "profile");
    assertThat(config.mayJoin("someone@example.com")).isFalse();
  }

  @Test
  void readsEveryVariable() {
    OidcConfig config =
        OidcConfig.fromEnv(
            Map.of(
                "CODEROOM_OIDC_ISSUER", "https://tenant.auth0.com/",
                "CODEROOM_OIDC_CLIENT_ID", "client",
                "CODEROOM_OIDC_CLIENT_SECRET", "secret",
                "CODEROOM_OIDC_NAME", "Auth0",
                "CODEROOM_OIDC_SCOPES", "openid  email",
                "CODEROOM_OIDC_AUTO_JOIN", "interviewer",
                "CODEROOM_OIDC_ALLOWED_DOMAINS", "Example.com, @hiring.example.org"));
    // The issuer is kept exactly, trailing slash included: tokens must name it so.
    assertThat(config.issuer()).contains(URI.create("https://tenant.auth0.com/"));
    assertThat(config.clientSecret()).contains("secret");
    assertThat(config.name()).isEqualTo("Auth0");
    assertThat(config.scopes()).containsExactly("openid", "email");
    assertThat(config.mayJoin("a@example.com")).isTrue();
    assertThat(config.mayJoin("b@HIRING.example.org")).isTrue();
    assertThat(config.mayJoin("c@evil-example.com")).isFalse();
    assertThat(config.mayJoin("d@example.com.evil.test")).isFalse();
  }

  @Test
  void refusesIncompleteOrUnsafeSettingsWithTheVariableNamed() {
    assertThatThrownBy(() -> OidcConfig.fromEnv(Map.of("CODEROOM_OIDC_ISSUER", "https://idp.test")))
        .hasMessageContaining("CODEROOM_OIDC_CLIENT_ID");
    assertThatThrownBy(
            () ->
                OidcConfig.fromEnv(
                    Map.of(
                        "CODEROOM_OIDC_ISSUER", "https://idp.test",
                        "CODEROOM_OIDC_CLIENT_ID", "c",
                        "CODEROOM_OIDC_SCOPES", "email profile")))
        .hasMessageContaining("openid");
    assertThatThrownBy(
            () ->
                OidcConfig.fromEnv(
                    Map.of(
                        "CODEROOM_OIDC_ISSUER", "https://idp.test",
                        "CODEROOM_OIDC_CLIENT_ID", "c",
                        "CODEROOM_OIDC_AUTO_JOIN", "interviewer")))
        .hasMessageContaining("CODEROOM_OIDC_ALLOWED_DOMAINS");
    assertThatThrownBy(() -> OidcConfig.fromEnv(Map.of("CODEROOM_OIDC_ISSUER", "idp.test")))
        .hasMessageContaining("CODEROOM_OIDC_ISSUER");
    assertThatThrownBy(() -> OidcConfig.fromEnv(Map.of("CODEROOM_OIDC_AUTO_JOIN", "everyone")))
        .hasMessageContaining("off or interviewer");
  }
}
