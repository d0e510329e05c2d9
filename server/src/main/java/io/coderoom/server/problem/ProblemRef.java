package io.coderoom.server.problem;

import java.util.Objects;

/**
 * One version of one problem, as a room or a run records it: a later edit of the problem makes a
 * new version and leaves this one as it was.
 *
 * @param id the problem's wire id ({@code two-sum}, {@code team-0a1b2c3d-my-problem})
 * @param version its version, from 1
 */
public record ProblemRef(String id, int version) {
  public ProblemRef {
    Objects.requireNonNull(id, "id");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more");
    }
  }

  public static ProblemRef of(Problem problem) {
    return new ProblemRef(problem.id(), problem.version());
  }
}
