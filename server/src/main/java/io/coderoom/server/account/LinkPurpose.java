package io.coderoom.server.account;

import java.util.Locale;
import java.util.Optional;

/** What a one-time link grants when a credential is attached through it. */
public enum LinkPurpose {
  /** Creates a team and its owner: the first administrator of a fresh installation. */
  SETUP,
  /** Joins the link's team with the link's role. */
  INVITATION,
  /** Lets an existing user attach a new credential (a lost passkey). */
  RECOVERY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LinkPurpose> fromWireName(String name) {
    for (LinkPurpose purpose : values()) {
      if (purpose.wireName().equals(name)) {
        return Optional.of(purpose);
      }
    }
    return Optional.empty();
  }
}
