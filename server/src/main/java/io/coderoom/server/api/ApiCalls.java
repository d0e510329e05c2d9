package io.coderoom.server.api;

import io.coderoom.server.Futures;
import io.coderoom.server.auth.TokenException;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

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

  /** A blocking first step (usually authentication) off the loop, then an asynchronous answer. */
  @FunctionalInterface
  interface Step<T> {
    T run() throws TokenException;
  }

  static <T> CompletableFuture<FullHttpResponse> offLoopThen(
      Executor executor, Step<T> first, Function<T, CompletableFuture<FullHttpResponse>> then) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return first.run();
              } catch (TokenException e) {
                throw ApiError.of(e);
              }
            },
            executor)
        .thenCompose(then)
        .exceptionally(
            error -> {
              if (Futures.cause(error) instanceof ApiError refused) {
                return refused.toResponse();
              }
              throw error instanceof CompletionException c ? c : new CompletionException(error);
            });
  }
}
