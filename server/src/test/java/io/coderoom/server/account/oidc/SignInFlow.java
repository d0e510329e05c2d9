package io.coderoom.server.account.oidc;

import io.coderoom.server.keycloak.KeycloakServer;
import io.coderoom.server.keycloak.LoginForm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A browser's sign-in at Coderoom through a provider, hop by hop. */
final class SignInFlow {
  private SignInFlow() {}

  /** Where Coderoom's start endpoint sends the browser (the provider's authorization URL). */
  static URI start(LoginForm browser, URI server, Optional<String> link) throws Exception {
    String query =
        link.map(token -> "?link=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).orElse("");
    return LoginForm.location(browser.get(server.resolve("/api/auth/oidc/start" + query)));
  }

  /** Signs in at Keycloak from Coderoom's start and returns Coderoom's callback URL. */
  static URI toCallback(
      LoginForm browser, URI server, Optional<String> link, KeycloakServer.Person person)
      throws Exception {
    return browser.signIn(start(browser, server, link), person);
  }

  /** Opens the callback and returns where Coderoom sends the browser next. */
  static String finish(LoginForm browser, URI callback) throws Exception {
    HttpResponse<String> answer = browser.get(callback);
    return LoginForm.location(answer).getRawPath()
        + Optional.ofNullable(LoginForm.location(answer).getRawQuery())
            .map(q -> "?" + q)
            .orElse("");
  }
}
