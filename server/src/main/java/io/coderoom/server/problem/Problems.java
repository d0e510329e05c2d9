package io.coderoom.server.problem;

import io.coderoom.runner.protocol.Languages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problems shipped with the server ({@link CuratedProblems}), read and checked once; a folder
 * that does not read stops the server at start, not a run.
 */
public final class Problems {
  private static final Problems BUILT_IN = load(Languages.builtIn());

  private final Map<String, Problem> byId;

  private Problems(Map<String, Problem> byId) {
    this.byId = byId;
  }

  public static Problems builtIn() {
    return BUILT_IN;
  }

  public List<Problem> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Problem> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  private static Problems load(Languages languages) {
    ProblemReader reader = new ProblemReader(languages);
    Map<String, Problem> byId = new LinkedHashMap<>();
    for (ProblemFolder folder : CuratedProblems.folders()) {
      byId.put(folder.slug(), reader.read(folder.slug(), folder));
    }
    return new Problems(Collections.unmodifiableMap(byId));
  }
}
