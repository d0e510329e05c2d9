package io.coderoom.server.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The topics the library is organised by; a problem has one or more. */
public enum ProblemCategory {
  ARRAYS,
  STRINGS,
  HASH_MAPS,
  TWO_POINTERS,
  SLIDING_WINDOW,
  STACKS_QUEUES,
  LINKED_LISTS,
  TREES,
  GRAPHS,
  HEAPS,
  BINARY_SEARCH,
  DYNAMIC_PROGRAMMING,
  INTERVALS,
  MATH,
  DESIGN;

  /** The name used in files, URLs and JSON: {@code hash-maps}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ProblemCategory of(String slug) {
    for (ProblemCategory category : values()) {
      if (category.slug().equals(slug)) {
        return category;
      }
    }
    throw new IllegalArgumentException(
        "unknown category "
            + slug
            + "; the categories are "
            + Arrays.stream(values()).map(ProblemCategory::slug).collect(Collectors.joining(", ")));
  }
}
