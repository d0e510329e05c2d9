package io.coderoom.server.account.passkey;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A software authenticator for unit tests of the ceremonies: a real P-256 key pair that signs what
 * a browser would send (clientDataJSON, authenticator data with its flags and counter, a "none"
 * attestation), answered in the WebAuthn JSON form a browser's {@code toJSON()} gives. The browser
 * scenarios use Chromium's own virtual authenticator instead.
 */
final class SoftwareAuthenticator {
  private static final byte UP = 0x01;
  private static final byte UV = 0x04;
  private static final byte AT = 0x40;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final ObjectConverter CONVERTER = new ObjectConverter();

  private final KeyPair keys;
  private final byte[] credentialId = new byte[16];
  private byte[] userHandle = new byte[0];
  private long counter;
  private boolean verifiesUser = true;

  SoftwareAuthenticator() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    new SecureRandom().nextBytes(credentialId);
  }

  /** The same credential id, signing with this authenticator's other key (a forged answer). */
  SoftwareAuthenticator impersonating(SoftwareAuthenticator other) {
    SoftwareAuthenticator forger = new SoftwareAuthenticator();
    System.arraycopy(other.credentialId, 0, forger.credentialId, 0, credentialId.length);
    forger.userHandle = other.userHandle.clone();
    forger.counter = other.counter;
    return forger;
  }

  SoftwareAuthenticator withoutUserVerification() {
    verifiesUser = false;
    return this;
  }

  void setCounter(long counter) {
    this.counter = counter;
  }

  byte[] credentialId() {
    return credentialId.clone();
  }

  /** A RegistrationResponseJSON: creates the credential for this user handle. */
  String register(String rpId, String origin, byte[] challenge, byte[] userHandle) {
    this.userHandle = userHandle.clone();
    counter++;
    byte[] clientData = clientData("webauthn.create", challenge, origin);
    AttestedCredentialData attested =
        new AttestedCredentialData(
            AAGUID.ZERO,
            credentialId,
            EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
    AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data =
        new AuthenticatorData<>(sha256(rpId), (byte) (flags() | AT), counter, attested);
    byte[] attestationObject =
        new AttestationObjectConverter(CONVERTER)
            .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
    return "{\"id\":\"%s\",\"rawId\":\"%s\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%s\",\"attestationObject\":\"%s\",\"transports\":[\"internal\"]},\"clientExtensionResults\":{},\"authenticatorAttachment\":\"platform\"}"
        .formatted(
            B64.encodeToString(credentialId),
            B64.encodeToString(credentialId),
            B64.encodeToString(clientData),
            B64.encodeToString(attestationObject));
  }

  /** An AuthenticationResponseJSON: signs this challenge for this site. */
  String signIn(String rpId, String origin, byte[] challenge) {
    counter++;
    byte[] clientData = clientData("webauthn.get", challenge, origin);
    byte[] authData =
        new AuthenticatorDataConverter(CONVERTER)
            .convert(new AuthenticatorData<>(sha256(rpId), flags(), counter));
    byte[] signature;
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(authData);
      signer.update(sha256(clientData));
      signature = signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return "{\"id\":\"%s\",\"rawId\":\"%s\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%s\",\"authenticatorData\":\"%s\",\"signature\":\"%s\",\"userHandle\":\"%s\"},\"clientExtensionResults\":{}}"
        .formatted(
            B64.encodeToString(credentialId),
            B64.encodeToString(credentialId),
            B64.encodeToString(clientData),
            B64.encodeToString(authData),
            B64.encodeToString(signature),
            B64.encodeToString(userHandle));
  }

  private byte flags() {
    return (byte) (verifiesUser ? UP | UV : UP);
  }

  private static byte[] clientData(String type, byte[] challenge, String origin) {
    return ("{\"type\":\"%s\",\"challenge\":\"%s\",\"origin\":\"%s\",\"crossOrigin\":false}"
            .formatted(type, B64.encodeToString(challenge), origin))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
