package io.coderoom.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RoomTokenCodecTest {
  private static final String OLD = "k1:" + key('a');
  private static final String NEW = "k2:" + key('b');
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final RoomToken token =
      new RoomToken("tok1", "room1", Role.CANDIDATE, "Ada", NOW, NOW.plus(Duration.ofHours(24)));

  @Test
  void signedTokenVerifiesToTheSameGrant() throws TokenException {
    RoomTokenCodec codec = new RoomTokenCodec(TokenKeys.parse(OLD), CLOCK);
    assertThat(codec.verify(codec.sign(token))).isEqualTo(token);
  }

  @Test
  void rotationKeepsOldTokensValidUntilTheOldKeyIsDropped() throws TokenException {
    String signedWithOld = new RoomTokenCodec(TokenKeys.parse(OLD), CLOCK).sign(token);
    RoomTokenCodec rotated = new RoomTokenCodec(TokenKeys.parse(NEW + "," + OLD), CLOCK);
    assertThat(rotated.verify(signedWithOld)).isEqualTo(token);
    assertThat(rotated.sign(token)).isNotEqualTo(signedWithOld);

    RoomTokenCodec dropped = new RoomTokenCodec(TokenKeys.parse(NEW), CLOCK);
    assertReason(() -> dropped.verify(signedWithOld), TokenException.Reason.BAD_SIGNATURE);
  }

  @Test
  void tamperedPayloadFailsTheSignature() {
    RoomTokenCodec codec = new RoomTokenCodec(TokenKeys.parse(OLD), CLOCK);
    String[] parts = codec.sign(token).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("candidate", "interviewer");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertReason(() -> codec.verify(forged), TokenException.Reason.BAD_SIGNATURE);
  }

  @Test
  void unsignedTokenIsRefused() {
    RoomTokenCodec codec = new RoomTokenCodec(TokenKeys.parse(OLD), CLOCK);
    String[] parts = codec.sign(token).split("\\.");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertReason(
        () -> codec.verify(header + "." + parts[1] + "."), TokenException.Reason.MALFORMED);
  }

  @Test
  void expiredTokenIsRefusedAfterTheAllowedSkew() throws TokenException {
    String signed = new RoomTokenCodec(TokenKeys.parse(OLD), CLOCK).sign(token);
    Instant justAfter = token.expiresAt().plusSeconds(10);
    assertThat(
            new RoomTokenCodec(TokenKeys.parse(OLD), Clock.fixed(justAfter, ZoneOffset.UTC))
                .verify(signed))
        .isEqualTo(token);
    Instant wellAfter = token.expiresAt().plusSeconds(60);
    RoomTokenCodec later =
        new RoomTokenCodec(TokenKeys.parse(OLD), Clock.fixed(wellAfter, ZoneOffset.UTC));
    assertReason(() -> later.verify(signed), TokenException.Reason.EXPIRED);
  }

  @Test
  void garbageIsMalformed() {
    RoomTokenCodec codec = new RoomTokenCodec(TokenKeys.parse(OLD), CLOCK);
    assertReason(() -> codec.verify("not-a-token"), TokenException.Reason.MALFORMED);
    assertReason(() -> codec.verify(""), TokenException.Reason.MALFORMED);
    assertReason(() -> codec.verify("a".repeat(5000)), TokenException.Reason.MALFORMED);
  }

  @Test
  void keysNeedIdsEnoughBytesAndNoDuplicates() {
    assertThatThrownBy(() -> TokenKeys.parse("nokid")).hasMessageContaining("kid:base64secret");
    assertThatThrownBy(
            () -> TokenKeys.parse("k:" + Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> TokenKeys.parse("k:%%%"))
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining("%%%");
    assertThatThrownBy(() -> TokenKeys.parse(OLD + "," + OLD)).hasMessageContaining("twice");
    assertThat(TokenKeys.random().ephemeral()).isTrue();
    assertThat(TokenKeys.parse(OLD).ephemeral()).isFalse();
  }

  @Test
  void apiKeyMatchesOnlyItself() {
    ApiKey key = ApiKey.of("s3cret-api-key-0123");
    assertThat(key.matches("s3cret-api-key-0123")).isTrue();
    assertThat(key.matches("s3cret-api-key-0124")).isFalse();
    assertThat(key.matches(null)).isFalse();
    assertThat(ApiKey.none().matches("")).isFalse();
    assertThatThrownBy(() -> ApiKey.of("short")).hasMessageContaining("at least 16");
  }

  private static String key(char fill) {
    return Base64.getEncoder()
        .encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.UTF_8));
  }

  private static final String INVALID = "The link is not valid; ask the interviewer for a new one.";

  /** Refused for this reason, with the code and the sentence a client shows. */
  private static void assertReason(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, TokenException.Reason reason) {
    String code = reason == TokenException.Reason.EXPIRED ? "token_expired" : "token_invalid";
    String sentence =
        reason == TokenException.Reason.EXPIRED
            ? "The link has expired; ask the interviewer for a new one."
            : INVALID;
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            TokenException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).isEqualTo(code);
              assertThat(e.reason().code()).isEqualTo(code);
              assertThat(e.reason().message()).isEqualTo(sentence);
              assertThat(e.reason().httpStatus()).isEqualTo(401);
            });
  }
}
