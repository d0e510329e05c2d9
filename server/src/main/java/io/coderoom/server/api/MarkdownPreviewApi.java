package io.coderoom.server.api;

import io.coderoom.server.account.Callers;
import io.coderoom.server.problem.SafeMarkdown;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * {@code POST /api/problems/preview}: Markdown as the safe HTML a problem's statement shows, for
 * the authoring page's live preview, so what an author sees is what the problem pages will render.
 * Members only: it is an authoring tool, not a public Markdown service.
 */
public final class MarkdownPreviewApi {
  /** A statement's longest Markdown: far beyond any statement, small enough to render at once. */
  static final int MAX_MARKDOWN_CHARS = 64 * 1024;

  private final Callers callers;
  private final Executor executor;

  public MarkdownPreviewApi(Callers callers, Executor executor) {
    this.callers = callers;
    this.executor = executor;
  }

  public void register(Router router) {
    router.post(
        "/api/problems/preview", request -> ApiCalls.offLoop(executor, () -> preview(request)));
  }

  private FullHttpResponse preview(Request request) {
    Members.bySession(callers, request);
    String markdown =
        JsonBody.of(request).optionalRawString("markdown", MAX_MARKDOWN_CHARS).orElse("");
    FullHttpResponse response =
        HttpResponses.json(HttpResponseStatus.OK, Map.of("html", SafeMarkdown.toHtml(markdown)));
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return response;
  }
}
