package io.coderoom.server.sync;

import io.coderoom.server.auth.Role;
import java.util.Optional;

/** The documents of a room: the code everyone sees, and the interviewers' private notes. */
public enum DocumentName {
  CODE("code"),
  NOTES("notes");

  private final String wireName;

  DocumentName(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether the role may open this document at all. */
  public boolean opensFor(Role role) {
    return this == CODE || role.readsNotes();
  }

  public static Optional<DocumentName> fromWireName(String name) {
    for (DocumentName doc : values()) {
      if (doc.wireName.equals(name)) {
        return Optional.of(doc);
      }
    }
    return Optional.empty();
  }
}
