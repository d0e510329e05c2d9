package io.coderoom.server.api;

import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.Problems;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/problems}: the catalogue, with statements, starter code per language and the
 * public tests as examples; hidden tests only as a count.
 */
public final class ProblemsEndpoint {
  private final List<Map<String, Object>> problems;

  public ProblemsEndpoint(Problems problems) {
    this.problems = problems.all().stream().map(Problem::listing).toList();
  }

  public void register(Router router) {
    router.get(
        "/api/problems",
        request -> {
          FullHttpResponse response =
              HttpResponses.json(HttpResponseStatus.OK, Map.of("problems", problems));
          response.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=300");
          return CompletableFuture.completedFuture(response);
        });
  }
}
