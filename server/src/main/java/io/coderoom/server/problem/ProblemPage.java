package io.coderoom.server.problem;

import java.util.List;

/**
 * One page of a search of the library.
 *
 * @param problems the problems of the page, each at the version the caller sees
 * @param entries the library's entry of each, in the same order
 * @param total how many problems the search found on all pages
 */
public record ProblemPage(List<Problem> problems, List<LibraryEntry> entries, int total) {
  public ProblemPage {
    problems = List.copyOf(problems);
    entries = List.copyOf(entries);
    if (problems.size() != entries.size()) {
      throw new IllegalArgumentException("one entry per problem");
    }
  }
}
