package io.coderoom.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The languages of {@code languages.json}, the one list the server and the agents share. */
public final class Languages {
  private static final Languages BUILT_IN = load();

  private final Map<String, Language> byId;

  private Languages(Map<String, Language> byId) {
    this.byId = byId;
  }

  /** The list shipped in this module. */
  public static Languages builtIn() {
    return BUILT_IN;
  }

  public List<Language> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Language> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The ending of a language's program file ({@code py} for python), as {@link
   * Language#fileExtension} gives it; an id not listed keeps the id as its ending, so a file named
   * after an unknown language can still be named.
   */
  public String fileExtension(String id) {
    return find(id).map(Language::fileExtension).orElse(id);
  }

  private static Languages load() {
    try (InputStream in = Languages.class.getResourceAsStream("languages.json")) {
      if (in == null) {
        throw new IllegalStateException("languages.json is missing from the runner protocol");
      }
      JsonNode root = Json.MAPPER.readTree(in);
      Map<String, Language> byId = new LinkedHashMap<>();
      List<Language> languages = new ArrayList<>();
      for (JsonNode node : root.path("languages")) {
        languages.add(Json.MAPPER.treeToValue(node, Language.class));
      }
      for (Language language : languages) {
        if (byId.put(language.id(), language) != null) {
          throw new IllegalStateException("language " + language.id() + " is listed twice");
        }
      }
      return new Languages(java.util.Collections.unmodifiableMap(byId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
