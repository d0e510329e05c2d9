package io.coderoom.server.transport;

import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rate limits per account, for routes chosen by path template: the per-address limits of {@link
 * RequestLimits} stop one machine, these stop one account spread over many (an integration's token
 * used from several hosts, a person on several networks). The transport cannot know the account
 * before the endpoint identifies its caller, so whoever identifies callers calls {@link #admit}
 * with the account's key; over the limit it throws {@link RateLimited}, which the transport turns
 * into {@code 429} with {@code Retry-After}.
 */
public final class AccountLimits {
  private final List<Limit> limits;

  AccountLimits(List<Limit> limits) {
    this.limits = List.copyOf(limits);
  }

  /** No limits. */
  public static AccountLimits none() {
    return new AccountLimits(List.of());
  }

  /**
   * Takes one request of the account's allowance for the request's route, if that route has one.
   *
   * @param account a stable key of the account, such as {@code user:ID}
   * @throws RateLimited when the account has used its allowance
   */
  public void admit(Request request, String account) {
    for (Limit limit : limits) {
      if (limit.method().equals(request.method()) && limit.route().equals(request.route())) {
        Optional<Duration> wait = limit.buckets().take(account);
        if (wait.isPresent()) {
          throw new RateLimited(
              wait.get(), "Too many of these requests from your account; slow down.");
        }
      }
    }
  }

  record Limit(HttpMethod method, String route, AddressBuckets buckets) {}
}
