package io.coderoom.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTokenTest {
  private static final String TOKEN = "metrics-token-0123456789";

  @Test
  void unsetTheEndpointsAreOpen() {
    for (String unset : new String[] {null, "", "   "}) {
      MetricsToken token = MetricsToken.of(unset);
      assertThat(token.required()).isFalse();
      assertThat(token.admits(Optional.empty())).isTrue();
      assertThat(token.admits(Optional.of("anything"))).isTrue();
    }
  }

  @Test
  void setOnlyTheSameCredentialOpensThem() {
    MetricsToken token = MetricsToken.of(" " + TOKEN + "\n");
    assertThat(token.required()).isTrue();
    assertThat(token.admits(Optional.of(TOKEN))).isTrue();
    assertThat(token.admits(Optional.of(TOKEN + "x"))).isFalse();
    assertThat(token.admits(Optional.of(TOKEN.toUpperCase()))).isFalse();
    assertThat(token.admits(Optional.empty())).isFalse();
    // Its string form (in a configuration's, in logs) never shows the token.
    assertThat(token.toString()).isEqualTo("required").doesNotContain(TOKEN);
    assertThat(MetricsToken.none().toString()).isEqualTo("none");
  }

  @Test
  void aShortTokenIsRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> MetricsToken.of("short"))
        .hasMessage("CODEROOM_METRICS_TOKEN must be at least 16 characters");
  }
}
