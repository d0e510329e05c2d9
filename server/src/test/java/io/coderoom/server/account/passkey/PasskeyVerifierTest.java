package io.coderoom.server.account.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.server.account.passkey.PasskeyRefused.Reason;
import java.net.URI;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasskeyVerifierTest {
  private static final RelyingParty RP = RelyingParty.of(URI.create("https://rooms.example.org"));
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PasskeyVerifier verifier = new PasskeyVerifier();

  @Test
  void theRelyingPartyIsThePublicUrlsHostAndOrigin() {
    assertThat(RelyingParty.of(URI.create("https://Rooms.Example.org/coderoom/")))
        .isEqualTo(new RelyingParty("rooms.example.org", "https://rooms.example.org"));
    assertThat(RelyingParty.of(URI.create("http://127.0.0.1:8080")))
        .isEqualTo(new RelyingParty("127.0.0.1", "http://127.0.0.1:8080"));
    assertThat(RelyingParty.of(URI.create("https://example.org:443")).origin())
        .isEqualTo("https://example.org");
  }

  @Test
  void aRegisteredPasskeySignsIn() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    StoredPasskey stored = register(authenticator, "user-1");
    assertThat(stored.credentialId()).isEqualTo(authenticator.credentialId());
    assertThat(stored.credential().uvInitialized()).isTrue();
    assertThat(stored.credential().transports()).containsExactly("internal");

    byte[] challenge = challenge();
    Assertion assertion =
        verifier.parseAssertion(authenticator.signIn(RP.id(), RP.origin(), challenge));
    assertThat(assertion.credentialId()).isEqualTo(authenticator.credentialId());
    assertThat(verifier.verify(RP, challenge, assertion, stored)).isEqualTo(2);
  }

  @Test
  void anAnswerToAnotherChallengeIsRefused() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    refusedRegistration(
        Reason.WRONG_REQUEST,
        () ->
            verifier.register(
                RP,
                challenge(),
                authenticator.register(RP.id(), RP.origin(), challenge(), handle())));
    StoredPasskey stored = register(authenticator, "user-1");
    Assertion assertion =
        verifier.parseAssertion(authenticator.signIn(RP.id(), RP.origin(), challenge()));
    refused(Reason.WRONG_REQUEST, () -> verifier.verify(RP, challenge(), assertion, stored));
  }

  @Test
  void anAnswerFromAnotherSiteIsRefused() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    byte[] challenge = challenge();
    refusedRegistration(
        Reason.WRONG_REQUEST,
        () ->
            verifier.register(
                RP,
                challenge,
                authenticator.register(RP.id(), "https://evil.example.net", challenge, handle())));
    byte[] second = challenge();
    refusedRegistration(
        Reason.WRONG_REQUEST,
        () ->
            verifier.register(
                RP,
                second,
                authenticator.register("evil.example.net", RP.origin(), second, handle())));
    StoredPasskey stored = register(authenticator, "user-1");
    byte[] third = challenge();
    Assertion assertion =
        verifier.parseAssertion(authenticator.signIn(RP.id(), "https://evil.example.net", third));
    refused(Reason.WRONG_REQUEST, () -> verifier.verify(RP, third, assertion, stored));
  }

  @Test
  void aCounterThatGoesBackwardsIsACloneAndRefused() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    authenticator.setCounter(10);
    StoredPasskey stored = register(authenticator, "user-1");
    assertThat(stored.signCount()).isEqualTo(11);
    authenticator.setCounter(4);
    byte[] challenge = challenge();
    Assertion assertion =
        verifier.parseAssertion(authenticator.signIn(RP.id(), RP.origin(), challenge));
    refused(Reason.CLONED, () -> verifier.verify(RP, challenge, assertion, stored));
  }

  @Test
  void withoutUserVerificationNothingIsAccepted() throws Exception {
    SoftwareAuthenticator unverified = new SoftwareAuthenticator().withoutUserVerification();
    byte[] challenge = challenge();
    refusedRegistration(
        Reason.NOT_VERIFIED,
        () ->
            verifier.register(
                RP, challenge, unverified.register(RP.id(), RP.origin(), challenge, handle())));

    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    StoredPasskey stored = register(authenticator, "user-1");
    authenticator.withoutUserVerification();
    byte[] second = challenge();
    Assertion assertion =
        verifier.parseAssertion(authenticator.signIn(RP.id(), RP.origin(), second));
    refused(Reason.NOT_VERIFIED, () -> verifier.verify(RP, second, assertion, stored));
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    StoredPasskey stored = register(authenticator, "user-1");
    SoftwareAuthenticator forger = new SoftwareAuthenticator().impersonating(authenticator);
    byte[] challenge = challenge();
    Assertion assertion = verifier.parseAssertion(forger.signIn(RP.id(), RP.origin(), challenge));
    refused(Reason.BAD_SIGNATURE, () -> verifier.verify(RP, challenge, assertion, stored));
  }

  @Test
  void anotherUsersHandleIsRefused() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    StoredPasskey stored = register(authenticator, "user-1");
    StoredPasskey otherHandle = new StoredPasskey(stored.userId(), handle(), stored.credential());
    byte[] challenge = challenge();
    Assertion assertion =
        verifier.parseAssertion(authenticator.signIn(RP.id(), RP.origin(), challenge));
    refused(
        Reason.UNKNOWN_CREDENTIAL, () -> verifier.verify(RP, challenge, assertion, otherHandle));
  }

  @Test
  void malformedAnswersAreRefusedAsSuch() {
    for (String json :
        new String[] {
          "",
          "not json",
          "{}",
          "[]",
          "{\"id\":\"x\",\"rawId\":\"!!\",\"type\":\"public-key\"}",
          "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"AA\",\"attestationObject\":\"AAAA\"}}"
        }) {
      refusedRegistration(Reason.MALFORMED, () -> verifier.register(RP, challenge(), json));
      refused(Reason.MALFORMED, () -> verifier.parseAssertion(json));
    }
  }

  @Test
  void optionsAskForADiscoverableVerifiedPasskeyOfThisSite() {
    var creation =
        PasskeyOptions.creation(
            RP, new byte[] {1, 2}, new byte[] {3}, "Ada", java.util.List.of(new byte[] {4}));
    assertThat(creation.get("rp"))
        .isEqualTo(java.util.Map.of("id", "rooms.example.org", "name", "Coderoom"));
    assertThat(creation.get("challenge")).isEqualTo("AQI");
    assertThat(creation.get("excludeCredentials"))
        .isEqualTo(java.util.List.of(java.util.Map.of("type", "public-key", "id", "BA")));
    assertThat(creation.get("authenticatorSelection").toString())
        .contains("residentKey=required", "userVerification=required");
    var request = PasskeyOptions.request(RP, new byte[] {1, 2});
    assertThat(request.get("allowCredentials")).isEqualTo(java.util.List.of());
    assertThat(request.get("rpId")).isEqualTo("rooms.example.org");
  }

  private StoredPasskey register(SoftwareAuthenticator authenticator, String userId)
      throws PasskeyRefused {
    byte[] challenge = challenge();
    byte[] handle = handle();
    NewPasskey passkey =
        verifier.register(
            RP, challenge, authenticator.register(RP.id(), RP.origin(), challenge, handle));
    return new StoredPasskey(userId, handle, passkey);
  }

  private interface Ceremony {
    Object run() throws PasskeyRefused;
  }

  private static void refused(Reason reason, Ceremony ceremony) {
    assertThatThrownBy(ceremony::run)
        .isInstanceOfSatisfying(
            PasskeyRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static void refusedRegistration(Reason reason, Ceremony ceremony) {
    refused(reason, ceremony);
  }

  private static byte[] challenge() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static byte[] handle() {
    return challenge();
  }
}
