package io.coderoom.server.api;

import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.room.IssuedLink;
import io.coderoom.server.store.RoomPlan;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.TokenRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of rooms and links in API responses (documented in openapi.json). */
final class RoomJson {
  private RoomJson() {}

  /** A room; its problem at the version the room uses. Blocks on a problem not yet cached. */
  static Map<String, Object> room(RoomRecord room, ProblemLibrary problems) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", room.id());
    json.put("title", room.title());
    json.put("language", room.language());
    json.put("status", room.ended() ? "ended" : "open");
    json.put("candidateLocked", room.candidateLocked());
    json.put("problem", room.problem().flatMap(problems::find).map(Problem::summary).orElse(null));
    json.put("createdAt", room.createdAt().toString());
    json.put("endedAt", room.endedAt().map(Object::toString).orElse(null));
    return json;
  }

  /**
   * Adds a room's plan to its JSON (the password itself never appears: only whether one is set).
   */
  static void plan(Map<String, Object> json, RoomPlan plan) {
    json.put("scheduledAt", plan.scheduledAt().map(Object::toString).orElse(null));
    json.put("durationMinutes", plan.durationMinutes().orElse(null));
    json.put("candidateName", plan.candidateName().orElse(null));
    json.put("candidateEmail", plan.candidateEmail().orElse(null));
    json.put("candidateLinkHours", plan.candidateLinkHours().orElse(null));
    json.put("hasPassword", plan.hasPassword());
    json.put("startedAt", plan.startedAt().map(Object::toString).orElse(null));
  }

  static Map<String, Object> link(TokenRecord token) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tokenId", token.id());
    json.put("role", token.role().wireName());
    json.put("name", token.name());
    json.put("issuedAt", token.issuedAt().toString());
    json.put("expiresAt", token.expiresAt().toString());
    json.put("revoked", token.revokedAt().isPresent());
    return json;
  }

  /** A link just issued: the only time its URL (and token) is shown. */
  static Map<String, Object> issued(IssuedLink link) {
    Map<String, Object> json = link(link.token());
    json.put("url", link.url());
    return json;
  }
}
