package io.coderoom.server.account.passkey;

import java.util.List;

/**
 * A credential a registration ceremony verified, ready to store: its id, the attested credential
 * data (AAGUID, id, COSE public key) as bytes, the authenticator's counter and flags.
 */
public record NewPasskey(
    byte[] credentialId,
    byte[] credentialData,
    long signCount,
    boolean uvInitialized,
    boolean backupEligible,
    boolean backedUp,
    List<String> transports) {
  public NewPasskey {
    credentialId = credentialId.clone();
    credentialData = credentialData.clone();
    transports = List.copyOf(transports);
  }

  @Override
  public byte[] credentialId() {
    return credentialId.clone();
  }

  @Override
  public byte[] credentialData() {
    return credentialData.clone();
  }
}
