package io.coderoom.server.account.passkey;

import java.util.List;

/** A registered passkey as stored: whose it is and what its signatures are checked against. */
public record StoredPasskey(
    byte[] credentialId,
    String userId,
    byte[] userHandle,
    byte[] credentialData,
    long signCount,
    boolean uvInitialized,
    boolean backupEligible,
    boolean backedUp,
    List<String> transports) {
  public StoredPasskey {
    credentialId = credentialId.clone();
    userHandle = userHandle.clone();
    credentialData = credentialData.clone();
    transports = List.copyOf(transports);
  }

  @Override
  public byte[] credentialId() {
    return credentialId.clone();
  }

  @Override
  public byte[] userHandle() {
    return userHandle.clone();
  }

  @Override
  public byte[] credentialData() {
    return credentialData.clone();
  }
}
