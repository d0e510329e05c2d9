package io.coderoom.server.account.oidc;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The provider's endpoints, read from its discovery document when first needed and again after a
 * day, so the server starts even while the provider is down and follows a provider that moves.
 */
public final class ProviderDiscovery {
  private static final Duration REFRESH_AFTER = Duration.ofDays(1);

  /** How soon a failed read may be tried again, so a provider that is down is not hammered. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final URI issuer;
  private final ProviderHttp http;
  private final Clock clock;
  private Optional<ProviderMetadata> metadata = Optional.empty();
  private Instant readAt = Instant.MIN;
  private Optional<SignInRefused> lastFailure = Optional.empty();
  private Instant failedAt = Instant.MIN;

  public ProviderDiscovery(URI issuer, ProviderHttp http, Clock clock) {
    this.issuer = issuer;
    this.http = http;
    this.clock = clock;
  }

  /** The provider's endpoints; blocks on the first call and once a day. */
  public synchronized ProviderMetadata metadata() throws SignInRefused {
    Instant now = clock.instant();
    if (metadata.isPresent() && now.isBefore(readAt.plus(REFRESH_AFTER))) {
      return metadata.get();
    }
    if (lastFailure.isPresent() && now.isBefore(failedAt.plus(RETRY_AFTER))) {
      return metadata.orElseThrow(lastFailure::get);
    }
    URI document = ProviderMetadata.discoveryUri(issuer);
    try {
      ProviderHttp.Answer answer = http.get(document);
      if (answer.status() != 200) {
        throw SignInRefusal.PROVIDER_UNREACHABLE.because(document + " answered " + answer.status());
      }
      metadata = Optional.of(ProviderMetadata.parse(answer.body(), issuer));
      readAt = now;
      lastFailure = Optional.empty();
      return metadata.get();
    } catch (SignInRefused refused) {
      return keepOrFail(refused, now);
    } catch (IOException e) {
      return keepOrFail(
          SignInRefusal.PROVIDER_UNREACHABLE.because("could not read " + document + ": " + e, e),
          now);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SignInRefusal.PROVIDER_UNREACHABLE.because("interrupted reading " + document);
    }
  }

  /** A document read before stays in use while a refresh fails. */
  private ProviderMetadata keepOrFail(SignInRefused failure, Instant now) throws SignInRefused {
    lastFailure = Optional.of(failure);
    failedAt = now;
    if (metadata.isPresent()) {
      return metadata.get();
    }
    throw failure;
  }
}
