package io.coderoom.server.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as sign-in needs one: java.net.http with a cookie jar, following no redirect by
 * itself so each hop can be checked, and filling in Keycloak's real login form.
 */
public final class LoginForm {
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new LoopbackIsSecure(cookies))
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * Browsers treat http://127.0.0.1 as a secure context and send it cookies marked {@code Secure}
   * (Keycloak marks its own so); java.net's cookie manager sends those only over https, so loopback
   * requests ask it as if they were https.
   */
  private static final class LoopbackIsSecure extends CookieHandler {
    private final CookieManager cookies;

    LoopbackIsSecure(CookieManager cookies) {
      this.cookies = cookies;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      return cookies.get(secure(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(secure(uri), headers);
    }

    private static URI secure(URI uri) {
      boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
      if (!loopback || !"http".equals(uri.getScheme())) {
        return uri;
      }
      return URI.create("https" + uri.toString().substring("http".length()));
    }
  }

  public CookieManager cookies() {
    return cookies;
  }

  public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The Location a redirect points to, resolved against the request's URI. */
  public static URI location(HttpResponse<?> response) {
    int status = response.statusCode();
    if (status < 300 || status > 399) {
      throw new AssertionError(
          response.uri() + " answered " + status + " instead of a redirect: " + response.body());
    }
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError(response.uri() + " redirected without Location"));
    return response.uri().resolve(location);
  }

  /**
   * Opens the provider's authorization URL, signs in on its login form, and returns where the
   * provider sends the browser back (the relying party's callback with code and state), without
   * opening it.
   */
  public URI signIn(URI authorization, KeycloakServer.Person person)
      throws IOException, InterruptedException {
    HttpResponse<String> page = get(authorization);
    if (page.statusCode() != 200) {
      throw new AssertionError(
          "the provider answered "
              + page.statusCode()
              + " to "
              + authorization
              + ": "
              + page.body());
    }
    Matcher action = FORM_ACTION.matcher(page.body());
    if (!action.find()) {
      throw new AssertionError("the provider's page has no login form: " + page.body());
    }
    URI post = authorization.resolve(action.group(1).replace("&amp;", "&"));
    String form =
        "username="
            + URLEncoder.encode(person.username(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(person.password(), StandardCharsets.UTF_8)
            + "&credentialId=";
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(post)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return location(answer);
  }
}
