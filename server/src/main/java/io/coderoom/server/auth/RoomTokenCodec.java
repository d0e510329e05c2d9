package io.coderoom.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Signs room tokens as compact JWTs (HS256, with the key id in the header) and checks them:
 * signature, issuer, algorithm and expiry. Whether a token was revoked or its room ended is a
 * question for the database, asked by {@link io.coderoom.server.room.RoomAccess}.
 */
public final class RoomTokenCodec {
  static final String ISSUER = "coderoom";
  private static final String ROOM = "room";
  private static final String ROLE = "role";
  private static final String NAME = "name";

  /** Clocks of two servers may disagree by this much. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  /** Tokens ride in URLs; anything longer is not ours. */
  private static final int MAX_TOKEN_CHARS = 4096;

  private final TokenKeys keys;
  private final Clock clock;

  public RoomTokenCodec(TokenKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public String sign(RoomToken token) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .jwtID(token.tokenId())
            .issueTime(Date.from(token.issuedAt()))
            .expirationTime(Date.from(token.expiresAt()))
            .claim(ROOM, token.roomId())
            .claim(ROLE, token.role().wireName());
    if (!token.name().isEmpty()) {
      claims.claim(NAME, token.name());
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.signingKeyId()).build(),
            claims.build());
    try {
      jwt.sign(new MACSigner(keys.signingKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a room token", e);
    }
    return jwt.serialize();
  }

  /**
   * The token's grant, if the signature, issuer and expiry hold.
   *
   * @throws TokenException MALFORMED, BAD_SIGNATURE or EXPIRED
   */
  public RoomToken verify(String compact) throws TokenException {
    if (compact == null || compact.isEmpty() || compact.length() > MAX_TOKEN_CHARS) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(compact);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new TokenException(TokenException.Reason.BAD_SIGNATURE);
    }
    Optional<byte[]> key = keys.key(jwt.getHeader().getKeyID());
    try {
      if (key.isEmpty() || !jwt.verify(new MACVerifier(key.get()))) {
        throw new TokenException(TokenException.Reason.BAD_SIGNATURE);
      }
    } catch (JOSEException e) {
      throw new TokenException(TokenException.Reason.BAD_SIGNATURE);
    }
    return grant(claims);
  }

  private RoomToken grant(JWTClaimsSet claims) throws TokenException {
    try {
      Date expires = claims.getExpirationTime();
      Date issued = claims.getIssueTime();
      String room = claims.getStringClaim(ROOM);
      Optional<Role> role =
          Optional.ofNullable(claims.getStringClaim(ROLE)).flatMap(Role::fromWireName);
      String name = claims.getStringClaim(NAME);
      if (!ISSUER.equals(claims.getIssuer())
          || claims.getJWTID() == null
          || expires == null
          || issued == null
          || room == null
          || role.isEmpty()) {
        throw new TokenException(TokenException.Reason.MALFORMED);
      }
      if (clock.instant().minus(CLOCK_SKEW).isAfter(expires.toInstant())) {
        throw new TokenException(TokenException.Reason.EXPIRED);
      }
      return new RoomToken(
          claims.getJWTID(),
          room,
          role.get(),
          name == null ? "" : name,
          issued.toInstant(),
          expires.toInstant());
    } catch (ParseException e) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
  }

  Instant now() {
    return clock.instant();
  }
}
