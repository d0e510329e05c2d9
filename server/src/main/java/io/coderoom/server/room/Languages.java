package io.coderoom.server.room;

import java.util.Set;

/** The language ids a room may be created with: one per runner image. */
public final class Languages {
  public static final Set<String> IDS =
      Set.of("python", "javascript", "typescript", "java", "cpp", "go", "csharp");

  private Languages() {}
}
