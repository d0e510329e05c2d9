package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema check finds each kind of broken promise, so a passing check means something. */
class OpenApiDocumentTest {
  private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

  private static final String TOKEN =
      "{\"id\":\"t1\",\"name\":\"ATS\",\"scopes\":[\"rooms:create\"],"
          + "\"createdAt\":\"2026-01-02T03:04:05Z\",\"lastUsedAt\":null}";

  @Test
  void aResponseThatKeepsThePromiseHasNoProblems() {
    assertThat(DOCUMENT.check("GET", "/api/tokens", 200, "{\"tokens\":[" + TOKEN + "]}")).isEmpty();
    assertThat(
            DOCUMENT.check("POST", "/api/tokens", 201, TOKEN.replace("}", ",\"token\":\"crt_x\"}")))
        .isEmpty();
  }

  @Test
  void eachBrokenPromiseIsFound() {
    assertThat(
            DOCUMENT.check(
                "GET", "/api/tokens", 200, "{\"tokens\":[" + TOKEN.replace("\"ATS\"", "7") + "]}"))
        .singleElement()
        .asString()
        .contains("$.tokens[0].name", "number");
    assertThat(DOCUMENT.check("GET", "/api/tokens", 200, "{}"))
        .singleElement()
        .asString()
        .contains("'tokens' is required");
    assertThat(
            DOCUMENT.check(
                "GET",
                "/api/tokens",
                200,
                "{\"tokens\":[" + TOKEN.replace("rooms:create", "rooms:delete") + "]}"))
        .singleElement()
        .asString()
        .contains("is not one of");
    assertThat(
            DOCUMENT.check(
                "GET",
                "/api/tokens",
                200,
                "{\"tokens\":["
                    + TOKEN.replace("\"lastUsedAt\":null", "\"lastUsedAt\":\"yesterday\"")
                    + "]}"))
        .singleElement()
        .asString()
        .contains("not a date-time");
    assertThat(
            DOCUMENT.check(
                "GET",
                "/api/tokens",
                200,
                "{\"tokens\":["
                    + TOKEN.replace("\"name\"", "\"token\":\"crt_leak\",\"name\"")
                    + "]}"))
        .singleElement()
        .asString()
        .contains("'token' is not in the schema");
    // The created token's own field is allowed only where allOf adds it, and required there.
    assertThat(DOCUMENT.check("POST", "/api/tokens", 201, TOKEN))
        .singleElement()
        .asString()
        .contains("'token' is required");
    assertThat(
            DOCUMENT.check(
                "GET",
                "/api/team",
                200,
                "{\"team\":{\"id\":\"t\",\"name\":\"n\",\"role\":\"owner\"},\"members\":[],\"invitations\":null}"))
        .singleElement()
        .asString()
        .contains("$.invitations", "null");
  }

  @Test
  void undocumentedOperationsAndStatusesAreFound() {
    assertThat(DOCUMENT.check("DELETE", "/api/tokens", 200, "{}"))
        .singleElement()
        .asString()
        .contains("is not documented");
    assertThat(DOCUMENT.check("GET", "/api/tokens", 418, "{}"))
        .singleElement()
        .asString()
        .contains("does not document status 418");
    assertThat(DOCUMENT.check("GET", "/api/tokens", 401, "not json"))
        .singleElement()
        .asString()
        .contains("not JSON");
  }

  @Test
  void aLiteralSegmentWinsOverACapturedOne() {
    assertThat(DOCUMENT.operation("GET", "/api/rooms/r1/runs"))
        .map(OpenApiDocument.Operation::template)
        .contains("/api/rooms/{id}/runs");
    assertThat(DOCUMENT.operation("POST", "/api/team/members/u1/role"))
        .map(OpenApiDocument.Operation::template)
        .contains("/api/team/members/{userId}/role");
  }
}
