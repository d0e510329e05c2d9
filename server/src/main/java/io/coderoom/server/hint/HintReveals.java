package io.coderoom.server.hint;

import io.coderoom.server.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which hints a room has revealed, per problem: a problem's hints are revealed in order, one at a
 * time, and stay revealed (changing the problem and back finds them revealed still). A reveal is
 * reserved while it is being stored, so two interviewers clicking at once reveal one hint, not two.
 * Lives on the room's loop.
 */
public final class HintReveals {
  private final List<HintReveal> revealed = new ArrayList<>();

  /** Hints being stored, as {@code problemId + index}; counted as revealed by {@link #check}. */
  private final Set<String> reserved = new HashSet<>();

  /** Adds a reveal (stored already); one of a hint revealed before changes nothing. */
  public void add(HintReveal reveal) {
    reserved.remove(key(reveal.problemId(), reveal.index()));
    if (revealed.stream()
        .noneMatch(r -> r.problemId().equals(reveal.problemId()) && r.index() == reveal.index())) {
      revealed.add(reveal);
    }
  }

  /** The problem's revealed hints, in their order. */
  public List<HintReveal> of(String problemId) {
    return revealed.stream()
        .filter(r -> r.problemId().equals(problemId))
        .sorted(Comparator.comparingInt(HintReveal::index))
        .toList();
  }

  /** The index of the problem's next hint, counting reserved ones as revealed. */
  private int next(Problem problem) {
    int next = of(problem.id()).size();
    while (reserved.contains(key(problem.id(), next))) {
      next++;
    }
    return next;
  }

  /**
   * Whether the next hint of the room's problem may be revealed now; {@code wanted} is the index
   * the interviewer saw as next (absent: whichever is next). On success, the index to reveal,
   * reserved until {@link #add} or {@link #release}.
   */
  public Result reserve(Optional<Problem> problem, OptionalInt wanted) {
    if (problem.isEmpty()) {
      return refused("no_problem", "The room has no problem, so there is no hint to reveal.");
    }
    Problem p = problem.get();
    int total = p.hints().size();
    if (total == 0) {
      return refused("no_hints", p.title() + " has no hints.");
    }
    int next = next(p);
    if (next >= total) {
      return refused(
          "no_hints_left", "All " + total + " hints of " + p.title() + " are revealed already.");
    }
    if (wanted.isPresent() && wanted.getAsInt() != next) {
      int asked = wanted.getAsInt();
      return asked >= 0 && asked < next
          ? refused(
              "hint_already_revealed",
              "Hint " + (asked + 1) + " is revealed already; the next one is " + (next + 1) + ".")
          : refused(
              "bad_command",
              "Hints are revealed in order: the next one is " + (next + 1) + " of " + total + ".");
    }
    reserved.add(key(p.id(), next));
    return new Reserved(next);
  }

  /** A reserved hint could not be stored: it is the next one again. */
  public void release(String problemId, int index) {
    reserved.remove(key(problemId, index));
  }

  /** Either the index reserved, or why not. */
  public sealed interface Result permits Reserved, Refused {}

  /** The hint at {@code index} is the one to reveal; it is reserved until stored or released. */
  public record Reserved(int index) implements Result {}

  public record Refused(HintRefusal refusal) implements Result {}

  private static Result refused(String code, String message) {
    return new Refused(new HintRefusal(code, message));
  }

  private static String key(String problemId, int index) {
    return problemId + '\u0000' + index;
  }
}
