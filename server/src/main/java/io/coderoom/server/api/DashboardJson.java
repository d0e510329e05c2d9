package io.coderoom.server.api;

import io.coderoom.server.problem.Problem;
import io.coderoom.server.room.CandidateLinkValidity;
import io.coderoom.server.store.RoomListing;
import io.coderoom.server.store.RoomPlan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the dashboard (documented in openapi.json as DashboardRoom). */
final class DashboardJson {
  private DashboardJson() {}

  /**
   * A room as the dashboard lists it.
   *
   * @param viewerId the member asking: their own rooms say {@code mine}
   * @param connected who is connected now, as the live room lists them
   */
  static Map<String, Object> room(
      RoomListing listing,
      Optional<Problem> problem,
      Optional<String> viewerId,
      List<Map<String, Object>> connected,
      CandidateLinkValidity validity) {
    RoomPlan plan = listing.plan();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", listing.room().id());
    json.put("title", listing.room().title());
    json.put("language", listing.room().language());
    json.put("status", listing.phase().wireName());
    json.put("problem", problem.map(DashboardJson::problem).orElse(null));
    json.put("candidateName", plan.candidateName().orElse(null));
    json.put("candidateEmail", plan.candidateEmail().orElse(null));
    json.put(
        "interviewer",
        listing.createdBy().isPresent()
            ? Map.of("id", listing.createdBy().get(), "name", listing.interviewer().orElse(""))
            : null);
    json.put("mine", viewerId.isPresent() && listing.createdBy().equals(viewerId));
    json.put("scheduledAt", time(plan.scheduledAt()));
    json.put("durationMinutes", plan.durationMinutes().orElse(null));
    json.put("candidateLinkHours", plan.candidateLinkHours().orElse(null));
    json.put("hasPassword", plan.hasPassword());
    json.put("createdAt", listing.room().createdAt().toString());
    json.put("startedAt", time(plan.startedAt()));
    json.put("endedAt", time(listing.room().endedAt()));
    json.put(
        "outcome",
        listing
            .outcome()
            .map(
                o ->
                    (Object)
                        Map.of("passed", o.passed(), "total", o.total(), "at", o.at().toString()))
            .orElse(null));
    json.put(
        "connected",
        connected.stream()
            .map(
                p -> Map.of("name", p.getOrDefault("name", ""), "role", p.getOrDefault("role", "")))
            .toList());
    json.put("candidateLink", validity(validity));
    return json;
  }

  static Map<String, Object> validity(CandidateLinkValidity validity) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("validUntil", validity.validUntil().toString());
    json.put("basis", validity.basis().wireName());
    json.put("hours", validity.hours().orElse(null));
    json.put("explanation", validity.explanation());
    return json;
  }

  private static Map<String, Object> problem(Problem problem) {
    return Map.of("id", problem.id(), "title", problem.title());
  }

  private static String time(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
