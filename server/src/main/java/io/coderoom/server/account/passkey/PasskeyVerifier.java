package io.coderoom.server.account.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.PublicKeyMismatchException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks browsers' answers to passkey ceremonies with webauthn4j: the challenge, the origin and
 * relying party id, user presence and verification, the signature, and on sign-in the signature
 * counter (one that does not move forward means a cloned key, and is refused). Attestation is not
 * checked against a list of makers (the options ask for none), so any authenticator works.
 */
public final class PasskeyVerifier {
  private static final List<PublicKeyCredentialParameters> ALGORITHMS =
      PasskeyOptions.ALGORITHMS.stream()
          .map(
              alg ->
                  new PublicKeyCredentialParameters(
                      PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.create(alg)))
          .toList();

  private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
  private final AttestedCredentialDataConverter credentialData =
      new AttestedCredentialDataConverter(new ObjectConverter());

  /** Verifies a registration answer (RegistrationResponseJSON) to this challenge. */
  public NewPasskey register(RelyingParty rp, byte[] challenge, String responseJson)
      throws PasskeyRefused {
    RegistrationData data;
    try {
      data = manager.parseRegistrationResponseJSON(responseJson);
    } catch (RuntimeException e) {
      throw new PasskeyRefused(PasskeyRefused.Reason.MALFORMED);
    }
    try {
      manager.verify(
          data, new RegistrationParameters(server(rp, challenge), ALGORITHMS, true, true));
    } catch (RuntimeException e) {
      throw refusal(e);
    }
    AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authenticator.getAttestedCredentialData();
    List<String> transports =
        data.getTransports() == null
            ? List.of()
            : data.getTransports().stream().map(AuthenticatorTransport::getValue).toList();
    return new NewPasskey(
        attested.getCredentialId(),
        credentialData.convert(attested),
        authenticator.getSignCount(),
        authenticator.isFlagUV(),
        authenticator.isFlagBE(),
        authenticator.isFlagBS(),
        transports);
  }

  /** Reads a sign-in answer (AuthenticationResponseJSON) without verifying it yet. */
  public Assertion parseAssertion(String responseJson) throws PasskeyRefused {
    AuthenticationData data;
    try {
      data = manager.parseAuthenticationResponseJSON(responseJson);
    } catch (RuntimeException e) {
      throw new PasskeyRefused(PasskeyRefused.Reason.MALFORMED);
    }
    if (data.getCredentialId() == null || data.getAuthenticatorData() == null) {
      throw new PasskeyRefused(PasskeyRefused.Reason.MALFORMED);
    }
    Optional<byte[]> userHandle =
        Optional.ofNullable(data.getUserHandle()).filter(handle -> handle.length > 0);
    return new Assertion(data.getCredentialId(), userHandle, data);
  }

  /**
   * Verifies a sign-in answer to this challenge against the stored passkey it names, and returns
   * the authenticator's new signature counter.
   */
  public long verify(RelyingParty rp, byte[] challenge, Assertion assertion, StoredPasskey stored)
      throws PasskeyRefused {
    if (assertion.userHandle().isPresent()
        && !Arrays.equals(assertion.userHandle().get(), stored.userHandle())) {
      throw new PasskeyRefused(PasskeyRefused.Reason.UNKNOWN_CREDENTIAL);
    }
    CredentialRecordImpl record;
    try {
      record = record(stored.credential());
    } catch (RuntimeException e) {
      // A stored record that no longer reads is the server's problem, not the person's answer.
      throw new IllegalStateException("stored passkey does not read", e);
    }
    try {
      manager.verify(
          assertion.data(),
          new AuthenticationParameters(
              server(rp, challenge), record, List.of(stored.credentialId()), true, true));
    } catch (RuntimeException e) {
      throw refusal(e);
    }
    return assertion.data().getAuthenticatorData().getSignCount();
  }

  private CredentialRecordImpl record(NewPasskey credential) {
    Set<AuthenticatorTransport> transports = new HashSet<>();
    credential.transports().forEach(t -> transports.add(AuthenticatorTransport.create(t)));
    return new CredentialRecordImpl(
        null,
        credential.uvInitialized(),
        credential.backupEligible(),
        credential.backedUp(),
        credential.signCount(),
        credentialData.convert(credential.credentialData()),
        null,
        null,
        null,
        transports);
  }

  private static ServerProperty server(RelyingParty rp, byte[] challenge) {
    return ServerProperty.builder()
        .origin(Origin.create(rp.origin()))
        .rpId(rp.id())
        .challenge(new DefaultChallenge(challenge))
        .build();
  }

  private static PasskeyRefused refusal(RuntimeException e) {
    PasskeyRefused.Reason reason =
        switch (e) {
          case MaliciousCounterValueException x -> PasskeyRefused.Reason.CLONED;
          case BadChallengeException x -> PasskeyRefused.Reason.WRONG_REQUEST;
          case MissingChallengeException x -> PasskeyRefused.Reason.WRONG_REQUEST;
          case BadOriginException x -> PasskeyRefused.Reason.WRONG_REQUEST;
          case BadTopOriginException x -> PasskeyRefused.Reason.WRONG_REQUEST;
          case CrossOriginException x -> PasskeyRefused.Reason.WRONG_REQUEST;
          case BadRpIdException x -> PasskeyRefused.Reason.WRONG_REQUEST;
          case InconsistentClientDataTypeException x -> PasskeyRefused.Reason.WRONG_REQUEST;
          case UserNotVerifiedException x -> PasskeyRefused.Reason.NOT_VERIFIED;
          case UserNotPresentException x -> PasskeyRefused.Reason.NOT_VERIFIED;
          case BadSignatureException x -> PasskeyRefused.Reason.BAD_SIGNATURE;
          case PublicKeyMismatchException x -> PasskeyRefused.Reason.BAD_SIGNATURE;
          case VerificationException x -> PasskeyRefused.Reason.BAD_SIGNATURE;
          default -> PasskeyRefused.Reason.MALFORMED;
        };
    return new PasskeyRefused(reason);
  }
}
