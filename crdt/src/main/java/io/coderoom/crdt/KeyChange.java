package io.coderoom.crdt;

/** How a map key changed in a transaction (Yjs event.changes.keys entry). */
public record KeyChange(Action action, Object oldValue) {
  /** Kind of change; {@code oldValue} is null for {@link #ADD}. */
  public enum Action {
    ADD,
    UPDATE,
    DELETE
  }
}
