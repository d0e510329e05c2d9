package io.coderoom.server.api;

import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.room.RoomPassword;
import io.coderoom.server.store.PlanChange;
import io.coderoom.server.store.RoomPlan;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the planning fields of a room from a request body, for creating a room and for editing it:
 * {@code scheduledAt}, {@code durationMinutes}, {@code candidateName}, {@code candidateEmail},
 * {@code password} and {@code candidateLinkHours}. The password is hashed here, so its text goes no
 * further.
 */
final class PlanRequest {
  static final int MAX_CANDIDATE_NAME = 80;
  static final int MAX_EMAIL = 254;
  static final int MAX_DURATION_MINUTES = 24 * 60;

  /** 90 days: a link for a take-home or a slot booked well ahead, no longer. */
  static final int MAX_LINK_HOURS = 90 * 24;

  private PlanRequest() {}

  /** A new room's plan and the stored form of its password, if it has one. */
  record NewPlan(RoomPlan plan, Optional<String> passwordHash) {}

  static NewPlan forCreate(JsonBody body) {
    RoomPlan plan =
        new RoomPlan(
            schedule(body),
            duration(body),
            body.optionalString("candidateName", MAX_CANDIDATE_NAME),
            email(body),
            linkHours(body),
            false,
            0,
            Optional.empty());
    return new NewPlan(plan, password(body).map(RoomPassword::hash));
  }

  /**
   * The changes a body asks for: a field left out stays, a field sent as null is cleared. The
   * title, language and problem are checked by the caller, who knows the catalogues.
   */
  static PlanChange forEdit(
      JsonBody body,
      Optional<String> title,
      Optional<String> language,
      Optional<Optional<ProblemRef>> problem) {
    return new PlanChange(
        title,
        language,
        problem,
        named(body, "scheduledAt", PlanRequest::schedule),
        named(body, "durationMinutes", PlanRequest::duration),
        named(body, "candidateName", b -> b.optionalString("candidateName", MAX_CANDIDATE_NAME)),
        named(body, "candidateEmail", PlanRequest::email),
        named(body, "candidateLinkHours", PlanRequest::linkHours),
        named(body, "password", b -> password(b).map(RoomPassword::hash)));
  }

  private static <T> Optional<Optional<T>> named(
      JsonBody body, String field, Function<JsonBody, Optional<T>> read) {
    return body.has(field) ? Optional.of(read.apply(body)) : Optional.empty();
  }

  private static Optional<Integer> duration(JsonBody body) {
    return body.optionalInteger("durationMinutes", 1, MAX_DURATION_MINUTES);
  }

  private static Optional<Integer> linkHours(JsonBody body) {
    return body.optionalInteger("candidateLinkHours", 1, MAX_LINK_HOURS);
  }

  private static Optional<String> email(JsonBody body) {
    Optional<String> email = body.optionalString("candidateEmail", MAX_EMAIL);
    if (email.isPresent() && !email.get().matches("[^@\\s]+@[^@\\s]+")) {
      throw ApiError.badRequest(
          "invalid_field", "'candidateEmail' must be an email address, such as ada@example.com.");
    }
    return email;
  }

  /** The password as typed (not trimmed: spaces may be part of it); empty when not given. */
  private static Optional<String> password(JsonBody body) {
    Optional<String> password = body.optionalRawString("password", RoomPassword.MAX_LENGTH);
    if (password.isPresent() && password.get().isEmpty()) {
      throw ApiError.badRequest(
          "invalid_field", "'password' cannot be empty; send null to have no password.");
    }
    if (password.isPresent() && password.get().chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest("invalid_field", "'password' must be one line of printable text.");
    }
    return password;
  }

  /** A scheduled time must be a plausible one: after 2000 and before 2100. */
  private static Optional<Instant> schedule(JsonBody body) {
    Optional<Instant> at = body.optionalInstant("scheduledAt");
    if (at.isPresent() && (at.get().isBefore(EARLIEST) || at.get().isAfter(LATEST))) {
      throw ApiError.badRequest(
          "invalid_field", "'scheduledAt' must be a time between 2000 and 2100.");
    }
    return at;
  }

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
}
