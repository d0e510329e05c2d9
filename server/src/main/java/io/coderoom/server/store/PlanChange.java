package io.coderoom.server.store;

import io.coderoom.server.problem.ProblemRef;
import java.time.Instant;
import java.util.Optional;

/**
 * A change to a room's plan. Each field is empty when it stays as it is; a present field holds the
 * new value, itself empty to clear it.
 *
 * @param problem the library's problem at the version the room is to use, or empty for none
 * @param passwordHash the new password's stored form, or empty to remove the password
 */
public record PlanChange(
    Optional<String> title,
    Optional<String> language,
    Optional<Optional<ProblemRef>> problem,
    Optional<Optional<Instant>> scheduledAt,
    Optional<Optional<Integer>> durationMinutes,
    Optional<Optional<String>> candidateName,
    Optional<Optional<String>> candidateEmail,
    Optional<Optional<Integer>> candidateLinkHours,
    Optional<Optional<String>> passwordHash) {

  /** The names of the fields that change, for the audit log (never their values). */
  public java.util.List<String> changedFields() {
    java.util.List<String> names = new java.util.ArrayList<>();
    title.ifPresent(v -> names.add("title"));
    language.ifPresent(v -> names.add("language"));
    problem.ifPresent(v -> names.add("problemId"));
    scheduledAt.ifPresent(v -> names.add("scheduledAt"));
    durationMinutes.ifPresent(v -> names.add("durationMinutes"));
    candidateName.ifPresent(v -> names.add("candidateName"));
    candidateEmail.ifPresent(v -> names.add("candidateEmail"));
    candidateLinkHours.ifPresent(v -> names.add("candidateLinkHours"));
    passwordHash.ifPresent(v -> names.add("password"));
    return names;
  }
}
