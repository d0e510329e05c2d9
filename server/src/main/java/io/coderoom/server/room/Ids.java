package io.coderoom.server.room;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable ids for rooms and tokens: 96 random bits, 16 URL-safe characters. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String random() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
