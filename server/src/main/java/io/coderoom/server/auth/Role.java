package io.coderoom.server.auth;

import java.util.Locale;
import java.util.Optional;

/** A participant's role in a room; every permission check on the server asks the role. */
public enum Role {
  INTERVIEWER(true, true, true, true),
  CANDIDATE(true, true, false, false),
  OBSERVER(false, false, false, false);

  private final boolean editsCode;
  private final boolean runsCode;
  private final boolean readsNotes;
  private final boolean moderates;

  Role(boolean editsCode, boolean runsCode, boolean readsNotes, boolean moderates) {
    this.editsCode = editsCode;
    this.runsCode = runsCode;
    this.readsNotes = readsNotes;
    this.moderates = moderates;
  }

  /** May change the code document (a candidate only while editing is not locked). */
  public boolean editsCode() {
    return editsCode;
  }

  public boolean runsCode() {
    return runsCode;
  }

  /** May open the interviewers' notes document. */
  public boolean readsNotes() {
    return readsNotes;
  }

  /** May lock editing, kick, end the room and issue or revoke links. */
  public boolean moderates() {
    return moderates;
  }

  /**
   * The name on the wire and in tokens: {@code interviewer}, {@code candidate}, {@code observer}.
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    for (Role role : values()) {
      if (role.wireName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
