package io.coderoom.server.api;

import io.coderoom.observability.MetricsToken;
import io.coderoom.server.account.Callers;
import io.coderoom.server.transport.Endpoint;
import java.util.concurrent.CompletableFuture;

/** Guards the operators' endpoints ({@code /metrics}, {@code /readyz}) with the metrics token. */
final class OperatorEndpoints {
  private OperatorEndpoints() {}

  /** The endpoint, answering 401 unless the request carries the token (when one is set). */
  static Endpoint guarded(MetricsToken token, Endpoint endpoint) {
    if (!token.required()) {
      return endpoint;
    }
    return request ->
        token.admits(Callers.bearer(request))
            ? endpoint.handle(request)
            : CompletableFuture.completedFuture(
                ApiError.unauthorized(
                        "This endpoint needs the metrics token as 'Authorization: Bearer <token>'.")
                    .toResponse());
  }
}
