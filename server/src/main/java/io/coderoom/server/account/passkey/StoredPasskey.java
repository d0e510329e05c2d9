package io.coderoom.server.account.passkey;

/**
 * A registered passkey as stored: the credential its registration verified, whose it is, and the
 * user handle its authenticator returns at sign-in.
 */
public record StoredPasskey(String userId, byte[] userHandle, NewPasskey credential) {
  public StoredPasskey {
    userHandle = userHandle.clone();
  }

  @Override
  public byte[] userHandle() {
    return userHandle.clone();
  }

  public byte[] credentialId() {
    return credential.credentialId();
  }

  public long signCount() {
    return credential.signCount();
  }
}
