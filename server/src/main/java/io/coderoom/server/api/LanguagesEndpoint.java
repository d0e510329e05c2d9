package io.coderoom.server.api;

import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/languages}: the languages rooms can use, with the versions the runner images ship
 * (the list runner agents read too, so the two never disagree).
 */
public final class LanguagesEndpoint {
  private final List<Map<String, Object>> languages;

  public LanguagesEndpoint(Languages languages) {
    this.languages = languages.all().stream().map(LanguagesEndpoint::json).toList();
  }

  public void register(Router router) {
    router.get(
        "/api/languages",
        request -> {
          FullHttpResponse response =
              HttpResponses.json(HttpResponseStatus.OK, Map.of("languages", languages));
          response.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=300");
          return CompletableFuture.completedFuture(response);
        });
  }

  private static Map<String, Object> json(Language language) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", language.id());
    json.put("displayName", language.displayName());
    json.put("version", language.version());
    json.put("fileName", language.fileName());
    json.put("compiled", language.compiled());
    json.put("template", language.template());
    return json;
  }
}
