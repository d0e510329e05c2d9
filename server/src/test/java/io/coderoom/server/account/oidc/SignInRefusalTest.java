package io.coderoom.server.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.server.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SignInRefusalTest {
  @Test
  void theSignInPageHasASentenceForEveryRefusal() throws Exception {
    Path messages =
        TestServers.builtWebClient().toAbsolutePath().getParent().resolve("src/account/oidc.ts");
    String source = Files.readString(messages);
    for (SignInRefusal reason : SignInRefusal.values()) {
      assertThat(source)
          .as("the sentence for %s in %s", reason, messages)
          .contains(reason.code() + ":");
    }
  }

  @Test
  void codesAreDistinctAndSafeInAUrl() {
    assertThat(java.util.Arrays.stream(SignInRefusal.values()).map(SignInRefusal::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[a-z_]+"));
  }
}
