package io.coderoom.server.api;

import io.coderoom.server.report.RatingScale;
import io.coderoom.server.report.Recommendation;
import io.coderoom.server.report.Scorecard;
import io.coderoom.server.report.ScorecardCriteria;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scorecards and what a scorecard form offers, as the API shows them. */
final class ScorecardJson {
  private ScorecardJson() {}

  static Map<String, Object> scorecard(Scorecard card) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("author", card.actor());
    json.put("name", card.name());
    json.put(
        "ratings",
        card.ratings().stream()
            .map(r -> Map.<String, Object>of("criterion", r.criterion(), "rating", r.rating()))
            .toList());
    json.put("notes", card.notes());
    json.put("recommendation", card.recommendation().wireName());
    json.put("submittedAt", card.submittedAt().toString());
    json.put("updatedAt", card.updatedAt().toString());
    return json;
  }

  /** The criteria, the rating scale and the recommendations a form offers. */
  static Map<String, Object> form(ScorecardCriteria criteria) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("criteria", criteria.names());
    json.put("scale", scale());
    json.put("recommendations", recommendations());
    return json;
  }

  static List<Map<String, Object>> scale() {
    return java.util.stream.IntStream.rangeClosed(RatingScale.MIN, RatingScale.MAX)
        .mapToObj(
            value ->
                Map.<String, Object>of(
                    "value", value, "label", RatingScale.LABELS.get(value - RatingScale.MIN)))
        .toList();
  }

  static List<Map<String, Object>> recommendations() {
    return Arrays.stream(Recommendation.values())
        .map(r -> Map.<String, Object>of("value", r.wireName(), "label", r.label()))
        .toList();
  }
}
