package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Endpoint ok = request -> new CompletableFuture<>();
  private final Router router =
      new Router()
          .get("/api/rooms/{id}", ok)
          .post("/api/rooms/{id}/end", ok)
          .post("/api/rooms/{id}/links/{tokenId}/revoke", ok);

  @Test
  void templatesCaptureSegmentsAndNameTheRoute() {
    Router.Match match = router.match(HttpMethod.POST, "/api/rooms/r1/links/t9/revoke");
    assertThat(match.route()).isEqualTo("/api/rooms/{id}/links/{tokenId}/revoke");
    assertThat(match.pathParameters()).isEqualTo(Map.of("id", "r1", "tokenId", "t9"));
    assertThat(match.endpoint()).isSameAs(ok);
  }

  @Test
  void emptySegmentsAndExtraSegmentsDoNotMatch() {
    assertThat(router.match(HttpMethod.POST, "/api/rooms//end").route())
        .isEqualTo(Router.UNMATCHED);
    assertThat(router.match(HttpMethod.POST, "/api/rooms/r1/end/x").route())
        .isEqualTo(Router.UNMATCHED);
    assertThat(router.match(HttpMethod.GET, "/api/rooms/r1/").route()).isEqualTo(Router.FALLBACK);
  }

  @Test
  void headFallsBackToGetAndOtherMethodsAreNotAllowed() {
    assertThat(router.match(HttpMethod.HEAD, "/api/rooms/r1").endpoint()).isSameAs(ok);
    Router.Match wrong = router.match(HttpMethod.DELETE, "/api/rooms/r1");
    assertThat(wrong.route()).isEqualTo("/api/rooms/{id}");
    assertThat(wrong.endpoint()).isNotSameAs(ok);
  }

  @Test
  void aRouteCannotBeRegisteredTwice() {
    assertThatThrownBy(() -> router.get("/api/rooms/{id}", ok))
        .hasMessageContaining("routed twice");
  }
}
