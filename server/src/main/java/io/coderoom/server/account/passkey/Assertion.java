package io.coderoom.server.account.passkey;

import com.webauthn4j.data.AuthenticationData;
import java.util.Optional;

/**
 * A browser's sign-in answer, parsed but not yet verified: the credential it names (to find the
 * stored passkey) and the user handle the authenticator keeps with it.
 */
public record Assertion(byte[] credentialId, Optional<byte[]> userHandle, AuthenticationData data) {
  public Assertion {
    credentialId = credentialId.clone();
  }

  @Override
  public byte[] credentialId() {
    return credentialId.clone();
  }
}
