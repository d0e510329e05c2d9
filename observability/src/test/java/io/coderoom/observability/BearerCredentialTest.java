package io.coderoom.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerCredentialTest {
  private static final String TOKEN = "metrics-token-0123456789";

  @Test
  void theCredentialIsReadFromABearerAuthorizationHeader() {
    assertThat(BearerCredential.of("Bearer " + TOKEN)).contains(TOKEN);
    assertThat(BearerCredential.of("bearer  " + TOKEN + " ")).contains(TOKEN);
    assertThat(BearerCredential.of("Basic " + TOKEN)).isEmpty();
    assertThat(BearerCredential.of("Bearer   ")).isEmpty();
    assertThat(BearerCredential.of(null)).isEmpty();
  }
}
