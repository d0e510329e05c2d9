package io.coderoom.server.api;

import io.coderoom.server.auth.TokenException;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs an API call that blocks (on the database) off the event loop, turning refusals into
 * responses.
 */
final class ApiCalls {
  private ApiCalls() {}

  /** The body of an API call; it may block and may refuse with {@link ApiError}. */
  @FunctionalInterface
  interface Call {
    FullHttpResponse run() throws TokenException;
  }

  static CompletableFuture<FullHttpResponse> offLoop(Executor executor, Call call) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.run();
          } catch (ApiError e) {
            return e.toResponse();
          } catch (TokenException e) {
            return ApiError.of(e).toResponse();
          }
        },
        executor);
  }
}
