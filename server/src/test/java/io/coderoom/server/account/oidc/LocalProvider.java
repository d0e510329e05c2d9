package io.coderoom.server.account.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A small OpenID Connect provider over real HTTP, signing ID tokens with a test RSA key, for the
 * cases a real provider never produces (expired, mis-addressed or wrongly signed tokens). Its
 * authorization endpoint signs in at once and sends the browser back with a code; its token
 * endpoint checks the PKCE verifier, as a real provider does, and answers an ID token built from
 * the authorization request and then changed by {@link #tamper}.
 */
final class LocalProvider implements AutoCloseable {
  static final String CLIENT_ID = "coderoom-local";
  static final String CLIENT_SECRET = "local-secret";

  /** What the authorization request asked for. */
  record Authorization(String state, String nonce, String challenge, URI redirectUri) {}

  private final HttpServer server;
  private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
  private final AtomicInteger keyReads = new AtomicInteger();
  private volatile RSAKey signingKey;
  private volatile List<RSAKey> published;
  private volatile UnaryOperator<JWTClaimsSet.Builder> tamper = UnaryOperator.identity();
  private volatile String subject = "local-subject-" + UUID.randomUUID();
  private volatile String email = "local@example.test";

  private LocalProvider(HttpServer server) throws JOSEException {
    this.server = server;
    this.signingKey = newKey("k1");
    this.published = List.of(signingKey);
  }

  static LocalProvider start() throws IOException, JOSEException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LocalProvider provider = new LocalProvider(http);
    http.createContext("/.well-known/openid-configuration", provider::discovery);
    http.createContext("/jwks", provider::jwks);
    http.createContext("/authorize", provider::authorize);
    http.createContext("/token", provider::token);
    http.start();
    return provider;
  }

  URI issuer() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  OidcConfig config() {
    return new OidcConfig(
        java.util.Optional.of(issuer()),
        CLIENT_ID,
        java.util.Optional.of(CLIENT_SECRET),
        "Local",
        List.of("openid", "email", "profile"),
        OidcConfig.AutoJoin.OFF,
        java.util.Set.of());
  }

  /** Changes the next ID tokens' claims, e.g. {@code c -> c.audience("someone-else")}. */
  void tamper(UnaryOperator<JWTClaimsSet.Builder> change) {
    this.tamper = change;
  }

  void person(String subject, String email) {
    this.subject = subject;
    this.email = email;
  }

  /** How many times the key set was read. */
  int keyReads() {
    return keyReads.get();
  }

  /** Signs with a new key under a new id and publishes it (the old one too, unless dropped). */
  RSAKey rotate(String kid, boolean keepOld) throws JOSEException {
    RSAKey next = newKey(kid);
    published = keepOld ? List.of(signingKey, next) : List.of(next);
    signingKey = next;
    return next;
  }

  /** Signs tokens with a key the key set does not hold, under the published key's id. */
  void signWithUnpublishedKey() throws JOSEException {
    signingKey = newKey(signingKey.getKeyID());
  }

  /** The claims of a good ID token for this nonce. */
  JWTClaimsSet.Builder claims(String nonce) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer().toString())
        .subject(subject)
        .audience(CLIENT_ID)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("nonce", nonce)
        .claim("email", email)
        .claim("email_verified", true)
        .claim("name", "Local Person");
  }

  String sign(JWTClaimsSet claims) throws JOSEException {
    return sign(claims, JWSAlgorithm.RS256);
  }

  String sign(JWTClaimsSet claims, JWSAlgorithm algorithm) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm).keyID(signingKey.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(signingKey));
    return jwt.serialize();
  }

  private static RSAKey newKey(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
  }

  private void discovery(HttpExchange exchange) throws IOException {
    String base = issuer().toString();
    answer(
        exchange,
        200,
        "application/json",
        """
        {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token",
         "jwks_uri":"%s/jwks","response_types_supported":["code"],
         "code_challenge_methods_supported":["S256"]}
        """
            .formatted(base, base, base, base));
  }

  private void jwks(HttpExchange exchange) throws IOException {
    keyReads.incrementAndGet();
    answer(
        exchange,
        200,
        "application/json",
        new JWKSet(
                published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
            .toString());
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
    String code = UUID.randomUUID().toString();
    codes.put(
        code,
        new Authorization(
            query.get("state"),
            query.get("nonce"),
            query.get("code_challenge"),
            URI.create(query.get("redirect_uri"))));
    exchange
        .getResponseHeaders()
        .add(
            "Location",
            query.get("redirect_uri")
                + "?code="
                + code
                + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Authorization authorization = codes.remove(form.getOrDefault("code", ""));
    if (authorization == null) {
      answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
      return;
    }
    String verifier = form.getOrDefault("code_verifier", "");
    if (!Pkce.of(verifier).challenge().equals(authorization.challenge())) {
      answer(
          exchange,
          400,
          "application/json",
          "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
      return;
    }
    try {
      String idToken = sign(tamper.apply(claims(authorization.nonce())).build());
      answer(
          exchange,
          200,
          "application/json",
          "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"id_token\":\""
              + idToken
              + "\"}");
    } catch (JOSEException e) {
      answer(exchange, 500, "text/plain", e.toString());
    }
  }

  private static Map<String, String> decode(String form) {
    Map<String, String> values = new LinkedHashMap<>();
    if (form == null || form.isEmpty()) {
      return values;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
