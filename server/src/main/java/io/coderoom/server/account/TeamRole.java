package io.coderoom.server.account;

import java.util.Locale;
import java.util.Optional;

/** What a member may do in their team. Every member interviews; owners and admins also manage. */
public enum TeamRole {
  OWNER,
  ADMIN,
  INTERVIEWER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** May invite and remove members. */
  public boolean manages() {
    return this != INTERVIEWER;
  }

  public static Optional<TeamRole> fromWireName(String name) {
    for (TeamRole role : values()) {
      if (role.wireName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
