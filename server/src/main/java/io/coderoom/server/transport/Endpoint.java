package io.coderoom.server.transport;

import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletionStage;

/**
 * Answers one route. Called on the connection's event loop: it must not block, so work that waits
 * (database, Redis) completes the returned stage later, from any thread.
 */
@FunctionalInterface
public interface Endpoint {
  CompletionStage<FullHttpResponse> handle(Request request);
}
