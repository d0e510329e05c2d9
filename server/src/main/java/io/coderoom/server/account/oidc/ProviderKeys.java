package io.coderoom.server.account.oidc;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The provider's signing keys (its JWKS), cached. A token signed with a key id the cache does not
 * know makes it read the set again, since providers rotate keys; but at most once per {@code
 * refreshFloor}, so tokens with made-up key ids cannot make this server hammer the provider.
 */
public final class ProviderKeys {
  /** Keys are read again after this long even when every token's key is known. */
  private static final Duration MAX_AGE = Duration.ofHours(12);

  private final Supplier<URI> jwksUri;
  private final ProviderHttp http;
  private final Clock clock;
  private final Duration refreshFloor;
  private JWKSet keys = new JWKSet();
  private Instant readAt = Instant.MIN;
  private int reads;

  /**
   * @param jwksUri where the set is (from discovery, which may move it)
   * @param refreshFloor the least time between two reads of the set
   */
  public ProviderKeys(
      Supplier<URI> jwksUri, ProviderHttp http, Clock clock, Duration refreshFloor) {
    this.jwksUri = jwksUri;
    this.http = http;
    this.clock = clock;
    this.refreshFloor = refreshFloor;
  }

  /** The key that signed a token with this header; refused when the provider has none. */
  public synchronized JWK keyFor(JWSHeader header) throws SignInRefused {
    Instant now = clock.instant();
    if (now.isAfter(readAt.plus(MAX_AGE))) {
      read(now);
    }
    Optional<JWK> known = select(header);
    if (known.isEmpty() && !now.isBefore(readAt.plus(refreshFloor))) {
      read(now);
      known = select(header);
    }
    return known.orElseThrow(
        () ->
            SignInRefusal.BAD_SIGNATURE.because(
                "the provider has no "
                    + header.getAlgorithm()
                    + " signing key"
                    + (header.getKeyID() == null ? "" : " with id " + header.getKeyID())));
  }

  /** How many times the set was read, for tests of the refresh floor. */
  public synchronized int reads() {
    return reads;
  }

  private Optional<JWK> select(JWSHeader header) {
    List<JWK> candidates =
        keys.getKeys().stream()
            .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
            .filter(
                key ->
                    key.getAlgorithm() == null || key.getAlgorithm().equals(header.getAlgorithm()))
            .filter(key -> header.getKeyID() == null || header.getKeyID().equals(key.getKeyID()))
            .toList();
    // Without a key id, only a single possible key is unambiguous.
    return candidates.size() == 1 || header.getKeyID() != null && !candidates.isEmpty()
        ? Optional.of(candidates.get(0))
        : Optional.empty();
  }

  private void read(Instant now) throws SignInRefused {
    URI uri = jwksUri.get();
    readAt = now;
    reads++;
    try {
      ProviderHttp.Answer answer = http.get(uri);
      if (answer.status() != 200 || !answer.body().isObject()) {
        throw SignInRefusal.PROVIDER_UNREACHABLE.because(uri + " answered " + answer.status());
      }
      keys = JWKSet.parse(answer.body().toString());
    } catch (ParseException e) {
      throw SignInRefusal.PROVIDER_UNREACHABLE.because(
          uri + " is not a key set: " + e.getMessage());
    } catch (IOException e) {
      throw SignInRefusal.PROVIDER_UNREACHABLE.because("could not read " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SignInRefusal.PROVIDER_UNREACHABLE.because("interrupted reading " + uri);
    }
  }
}
